/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one place where hvnet bridges differences between the kernels it
 * supports (Linux 6.1 LTS and 6.12 LTS). Keep it tiny: prefer APIs that exist
 * in both.
 */
#ifndef _HVNET_COMPAT_H
#define _HVNET_COMPAT_H

#include <linux/version.h>

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 1, 0)
#error "hvnet needs Linux 6.1 or newer"
#endif

#endif /* _HVNET_COMPAT_H */
