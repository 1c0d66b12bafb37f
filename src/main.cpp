#include "fu/app.hpp"

int main(int argc, char** argv) { return fu::run_main(argc, argv); }
