/* SPDX-License-Identifier: GPL-2.0 */
/* the system errno.h reaches this name for the numbers: give them */
#include <asm/errno.h>
