// src/io/contacts_csv.cpp — fu/contacts_csv.hpp: placeholder until implemented.
#include "fu/contacts_csv.hpp"
