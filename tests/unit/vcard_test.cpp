// tests/unit/vcard_test.cpp — placeholder.
#include <doctest/doctest.h>
