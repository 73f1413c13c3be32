/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _RING_SHIM_ALIGN_H
#define _RING_SHIM_ALIGN_H
#define ALIGN(x, a)	({ __typeof__(x) _m = (__typeof__(x))(a) - 1; ((x) + _m) & ~_m; })
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)
#endif
