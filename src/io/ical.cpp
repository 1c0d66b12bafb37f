// src/io/ical.cpp — fu/ical.hpp: placeholder until implemented.
#include "fu/ical.hpp"
