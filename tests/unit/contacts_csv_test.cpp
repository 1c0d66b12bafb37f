// tests/unit/contacts_csv_test.cpp — placeholder.
#include <doctest/doctest.h>
