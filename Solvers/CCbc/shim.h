// COIN-OR CBC (branch-and-cut) and Clp (simplex) C APIs from Debian's coinor-libcbc-dev.
// Cbc's C API has no row duals, so LPs go to Clp directly.
#include <coin/Cbc_C_Interface.h>
#include <coin/Clp_C_Interface.h>
