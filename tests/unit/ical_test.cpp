// tests/unit/ical_test.cpp — placeholder.
#include <doctest/doctest.h>
