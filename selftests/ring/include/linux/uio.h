/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _RING_SHIM_UIO_H
#define _RING_SHIM_UIO_H
#include <stddef.h>
struct kvec {
	void *iov_base;
	size_t iov_len;
};
#endif
