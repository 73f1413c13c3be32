/* SPDX-License-Identifier: GPL-2.0 */
/* netvsp.ko internals shared between its files. */
#ifndef _NETVSP_NETVSP_H
#define _NETVSP_NETVSP_H

int netvsp_netlink_init(void);
void netvsp_netlink_exit(void);

#endif /* _NETVSP_NETVSP_H */
