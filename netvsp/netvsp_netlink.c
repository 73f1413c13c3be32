// SPDX-License-Identifier: GPL-2.0
/*
 * The netvsp generic netlink family, as specified by
 * Documentation/netlink/specs/netvsp.yaml. Its policies, op table and family
 * struct are generated from the spec (netvsp_netlink_gen.c, make regen); the handlers
 * the generated table names are here.
 *
 * Partitions are configured and read from the root partition (the initial
 * namespace) only; a child partition's root learns nothing of them. Every
 * change is announced on "monitor", whose stream needs CAP_NET_ADMIN.
 */
#include <net/net_namespace.h>
#include <net/sock.h>
#include <hvnet/genl.h>

#include "netvsp.h"
#include "netvsp_netlink_gen.h"

/* grows with every partition made or taken away: a dump that crossed one is flagged */
static unsigned int netvsp_nl_generation;

int netvsp_nl_info_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return hvnet_genl_info_reply(info, &netvsp_nl_family, NETVSP_CMD_INFO_GET,
				     NETVSP_A_INFO_MODULE_VERSION,
				     NETVSP_A_INFO_PROTOCOL_REVISION,
				     NETVSP_PROTOCOL_REVISION);
}

/* Requests from a child partition are refused before anything is looked at. */
static int netvsp_nl_root_only(struct net *net, bool change, struct netlink_ext_ack *extack)
{
	if (net_eq(net, &init_net))
		return 0;
	if (change)
		NL_SET_ERR_MSG(extack, "partitions are configured from the root partition only");
	else
		NL_SET_ERR_MSG(extack, "partitions are read from the root partition only");
	return -EPERM;
}

/* The partition's attributes; the namespace is numbered as the root partition sees it. */
static int netvsp_nl_fill_partition(struct sk_buff *msg, struct netvsp_partition *p,
				    u32 portid, u32 seq, int flags, u8 cmd,
				    struct netlink_callback *cb)
{
	void *hdr;

	hdr = genlmsg_put(msg, portid, seq, &netvsp_nl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	if (nla_put_string(msg, NETVSP_A_PARTITION_NAME, p->name) ||
	    nla_put_s32(msg, NETVSP_A_PARTITION_NETNS_ID,
			peernet2id_alloc(&init_net, p->net, GFP_KERNEL)) ||
	    nla_put_u32(msg, NETVSP_A_PARTITION_NETNS_INODE, p->net->ns.inum) ||
	    nla_put_u32(msg, NETVSP_A_PARTITION_VMNIC_COUNT, p->n_vmnics)) {
		genlmsg_cancel(msg, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return 0;
}

static struct sk_buff *netvsp_nl_build(struct netvsp_partition *p, u32 portid, u32 seq,
				       u8 cmd)
{
	struct sk_buff *msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);

	if (msg && netvsp_nl_fill_partition(msg, p, portid, seq, 0, cmd, NULL)) {
		nlmsg_free(msg);
		msg = NULL;
	}
	return msg;
}

/* Announce a change on "monitor" (and to the requester with NLM_F_ECHO). */
static void netvsp_nl_notify(struct genl_info *info, struct netvsp_partition *p)
{
	struct sk_buff *msg = netvsp_nl_build(p, info->snd_portid, info->snd_seq,
					      info->genlhdr->cmd);

	if (msg)
		genl_notify(&netvsp_nl_family, msg, info, NETVSP_NLGRP_MONITOR, GFP_KERNEL);
}

/**
 * netvsp_nl_partition_gone() - announce a partition its namespace took away
 * @p: the partition, still whole
 *
 * Under netvsp_mutex. The announcement is a partition-del, as if requested.
 */
void netvsp_nl_partition_gone(struct netvsp_partition *p)
{
	struct sk_buff *msg = netvsp_nl_build(p, 0, 0, NETVSP_CMD_PARTITION_DEL);

	netvsp_nl_generation++;
	if (msg)
		genlmsg_multicast_netns(&netvsp_nl_family, &init_net, msg, 0,
					NETVSP_NLGRP_MONITOR, GFP_KERNEL);
}

static bool netvsp_nl_missing_name(struct genl_info *info)
{
	if (info->attrs[NETVSP_A_PARTITION_NAME])
		return false;
	GENL_REQ_ATTR_CHECK(info, NETVSP_A_PARTITION_NAME);
	NL_SET_ERR_MSG(info->extack, "a partition name is required");
	return true;
}

/* Under netvsp_mutex: the partition the request names. */
static struct netvsp_partition *netvsp_nl_req_partition(struct genl_info *info)
{
	struct nlattr *name = info->attrs[NETVSP_A_PARTITION_NAME];
	struct netvsp_partition *p = netvsp_partition_find(nla_data(name));

	if (!p) {
		NL_SET_ERR_MSG_ATTR(info->extack, name, "no such partition");
		return ERR_PTR(-ENOENT);
	}
	return p;
}

/* The namespace partition-new names, with a reference; or an ERR_PTR(). */
static struct net *netvsp_nl_req_netns(struct genl_info *info)
{
	struct nlattr *pid = info->attrs[NETVSP_A_PARTITION_NETNS_PID];
	struct nlattr *fd = info->attrs[NETVSP_A_PARTITION_NETNS_FD];
	struct net *net;

	if (pid && fd) {
		NL_SET_ERR_MSG_ATTR(info->extack, fd, "netns-pid and netns-fd exclude each other");
		return ERR_PTR(-EINVAL);
	}
	if (!pid && !fd) {
		NL_SET_ERR_MSG(info->extack, "a namespace is required: netns-pid or netns-fd");
		return ERR_PTR(-EINVAL);
	}
	if (pid) {
		net = get_net_ns_by_pid(nla_get_u32(pid));
		if (IS_ERR(net))
			NL_SET_ERR_MSG_ATTR(info->extack, pid, "no process has that pid");
	} else {
		net = get_net_ns_by_fd(nla_get_u32(fd));
		if (IS_ERR(net))
			NL_SET_ERR_MSG_ATTR(info->extack, fd,
					    "the file descriptor names no network namespace");
	}
	return net;
}

int netvsp_nl_partition_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct netvsp_partition *p;
	struct sk_buff *msg;
	struct net *net;
	int err;

	err = netvsp_nl_root_only(genl_info_net(info), true, info->extack);
	if (err)
		return err;
	if (netvsp_nl_missing_name(info))
		return -EINVAL;
	net = netvsp_nl_req_netns(info);
	if (IS_ERR(net))
		return PTR_ERR(net);

	mutex_lock(&netvsp_mutex);
	p = netvsp_partition_create(nla_data(info->attrs[NETVSP_A_PARTITION_NAME]), net,
				    info->extack);
	if (IS_ERR(p)) {
		err = PTR_ERR(p);
		goto out;
	}
	netvsp_nl_generation++;
	msg = netvsp_nl_build(p, info->snd_portid, info->snd_seq, NETVSP_CMD_PARTITION_NEW);
	err = msg ? genlmsg_reply(msg, info) : -ENOMEM;
	netvsp_nl_notify(info, p);
out:
	mutex_unlock(&netvsp_mutex);
	/* if this was the namespace's last reference, its exit takes the partition */
	put_net(net);
	return err;
}

int netvsp_nl_partition_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct netvsp_partition *p;
	int err;

	err = netvsp_nl_root_only(genl_info_net(info), true, info->extack);
	if (err)
		return err;
	if (netvsp_nl_missing_name(info))
		return -EINVAL;

	mutex_lock(&netvsp_mutex);
	p = netvsp_nl_req_partition(info);
	err = PTR_ERR_OR_ZERO(p);
	if (!err) {
		netvsp_nl_notify(info, p);
		netvsp_nl_generation++;
		netvsp_partition_destroy(p);
	}
	mutex_unlock(&netvsp_mutex);
	return err;
}

int netvsp_nl_partition_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct netvsp_partition *p;
	struct sk_buff *msg;
	int err;

	err = netvsp_nl_root_only(genl_info_net(info), false, info->extack);
	if (err)
		return err;
	if (netvsp_nl_missing_name(info))
		return -EINVAL;

	mutex_lock(&netvsp_mutex);
	p = netvsp_nl_req_partition(info);
	err = PTR_ERR_OR_ZERO(p);
	if (!err) {
		msg = netvsp_nl_build(p, info->snd_portid, info->snd_seq,
				      NETVSP_CMD_PARTITION_GET);
		err = msg ? genlmsg_reply(msg, info) : -ENOMEM;
	}
	mutex_unlock(&netvsp_mutex);
	return err;
}

/* cb->args[0]: partitions already sent, in list order. */
int netvsp_nl_partition_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct netvsp_partition *p;
	long idx = 0;
	int err = 0;

	err = netvsp_nl_root_only(sock_net(skb->sk), false, cb->extack);
	if (err)
		return err;
	mutex_lock(&netvsp_mutex);
	cb->seq = netvsp_nl_generation;
	list_for_each_entry(p, &netvsp_partitions, node) {
		if (idx++ < cb->args[0])
			continue;
		err = netvsp_nl_fill_partition(skb, p, NETLINK_CB(cb->skb).portid,
					       cb->nlh->nlmsg_seq, NLM_F_MULTI,
					       NETVSP_CMD_PARTITION_GET, cb);
		if (err)
			break;
		cb->args[0] = idx;
	}
	mutex_unlock(&netvsp_mutex);
	/* a full message is no error: the dump goes on from here */
	if (err == -EMSGSIZE && skb->len)
		err = 0;
	return err ?: skb->len;
}

/*
 * The monitor group's stream names every partition's namespace: joining it
 * needs CAP_NET_ADMIN (the generator does not carry a group's flags, so
 * they are set here).
 */
static struct genl_multicast_group netvsp_nl_mcgrps_admin[NETVSP_NLGRP_MONITOR + 1];

int __init netvsp_netlink_init(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(netvsp_nl_mcgrps_admin); i++) {
		netvsp_nl_mcgrps_admin[i] = netvsp_nl_family.mcgrps[i];
		netvsp_nl_mcgrps_admin[i].flags |= GENL_MCAST_CAP_NET_ADMIN;
	}
	netvsp_nl_family.mcgrps = netvsp_nl_mcgrps_admin;
	return hvnet_genl_register(&netvsp_nl_family);
}

void netvsp_netlink_exit(void)
{
	hvnet_genl_unregister(&netvsp_nl_family);
}
