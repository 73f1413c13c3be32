/* SPDX-License-Identifier: GPL-2.0 */
/* vswitch.ko internals shared between its files. */
#ifndef _VSWITCH_VSWITCH_H
#define _VSWITCH_VSWITCH_H

int vswitch_netlink_init(void);
void vswitch_netlink_exit(void);

#endif /* _VSWITCH_VSWITCH_H */
