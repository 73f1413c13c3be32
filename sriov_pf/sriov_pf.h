/* SPDX-License-Identifier: GPL-2.0 */
/* sriov_pf.ko internals shared between its files. */
#ifndef _SRIOV_PF_SRIOV_PF_H
#define _SRIOV_PF_SRIOV_PF_H

int sriov_pf_netlink_init(void);
void sriov_pf_netlink_exit(void);

#endif /* _SRIOV_PF_SRIOV_PF_H */
