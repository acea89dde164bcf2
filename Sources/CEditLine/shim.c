#include "CEditLine.h"
int lectern_placeholder(void) { return 0; }
