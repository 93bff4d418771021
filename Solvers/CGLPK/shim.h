// GLPK from Debian's libglpk-dev (no pkg-config file ships with it).
#include <glpk.h>
