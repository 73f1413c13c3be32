/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pieces every hvnet generic netlink family shares. Each module owns its own
 * family (its YAML spec under Documentation/netlink/specs/); they all answer
 * info-get the same way.
 */
#ifndef _HVNET_GENL_H
#define _HVNET_GENL_H

#include <net/genetlink.h>
#include <hvnet/version.h>

/**
 * hvnet_genl_info_reply() - answer an info-get request
 * @info: the request
 * @family: the family it came to (genl_info has no family member on 6.1)
 * @cmd: the family's info-get command number
 * @version_attr: the family's module-version attribute
 * @revision_attr: the family's protocol-revision attribute
 * @revision: the family's protocol revision
 *
 * Return: 0 or a negative errno.
 */
static inline int hvnet_genl_info_reply(struct genl_info *info,
					const struct genl_family *family,
					u8 cmd, int version_attr,
					int revision_attr, u32 revision)
{
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(nla_total_size(sizeof(HVNET_VERSION)) +
			  nla_total_size(sizeof(u32)), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	hdr = genlmsg_put_reply(msg, info, family, 0, cmd);
	if (!hdr)
		goto too_small;
	if (nla_put_string(msg, version_attr, HVNET_VERSION) ||
	    nla_put_u32(msg, revision_attr, revision))
		goto too_small;
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);

too_small:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

#endif /* _HVNET_GENL_H */
