/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _RING_SHIM_BUILD_BUG_H
#define _RING_SHIM_BUILD_BUG_H
#include <assert.h>
#endif
