// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/netvsp.yaml */
/* YNL-GEN kernel source */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "netvsp_netlink_gen.h"

#include <uapi/linux/hvnet_netvsp.h>
#include <hvnet/compat.h>

/* Ops table for netvsp */
static const struct genl_split_ops netvsp_nl_ops[] = {
	{
		.cmd	= NETVSP_CMD_INFO_GET,
		.doit	= netvsp_nl_info_get_doit,
		.flags	= GENL_CMD_CAP_DO,
	},
};

struct genl_family netvsp_nl_family __ro_after_init = {
	.name		= NETVSP_FAMILY_NAME,
	.version	= NETVSP_FAMILY_VERSION,
	.netnsok	= true,
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.split_ops	= netvsp_nl_ops,
	.n_split_ops	= ARRAY_SIZE(netvsp_nl_ops),
};
