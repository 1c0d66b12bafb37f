// src/io/vcard.cpp — fu/vcard.hpp: placeholder until implemented.
#include "fu/vcard.hpp"
