/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _RING_SHIM_MINMAX_H
#define _RING_SHIM_MINMAX_H
#define min(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a < _b ? _a : _b; })
#endif
