/* SPDX-License-Identifier: GPL-2.0 */
/* netvsc.ko internals shared between its files. */
#ifndef _NETVSP_NETVSC_H
#define _NETVSP_NETVSC_H

int netvsc_netlink_init(void);
void netvsc_netlink_exit(void);

#endif /* _NETVSP_NETVSC_H */
