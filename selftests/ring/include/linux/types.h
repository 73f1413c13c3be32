/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-ins for the kernel headers netvsp/ring.c includes. */
#ifndef _RING_SHIM_TYPES_H
#define _RING_SHIM_TYPES_H
#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;

#define __packed	__attribute__((packed))
#define BIT(n)		(1UL << (n))
#endif
