/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pieces every hvnet generic netlink family shares. Each module owns its own
 * family, generated from its YAML spec under Documentation/netlink/specs/
 * (the module's *_gen.c); they all register the same way and answer
 * info-get the same way.
 */
#ifndef _HVNET_GENL_H
#define _HVNET_GENL_H

#include <linux/kmemleak.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <hvnet/compat.h>
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

/*
 * What genetlink itself puts in place of a missing policy, as the policy of
 * an op whose spec gives it no request: any attribute is refused.
 */
static inline const struct nla_policy *hvnet_genl_reject_all(void)
{
	static const struct nla_policy reject_all[] = {
		{ .type = NLA_REJECT }, { .type = NLA_REJECT },
	};

	return reject_all;
}

#ifdef HVNET_GENL_FOLD_OPS
/*
 * 6.1: the generated table (one entry per do and per dump) folded into one
 * genl_ops per command. A command's policy is its do's; a dump whose
 * request differs is validated against its own policy when it starts.
 */
struct hvnet_genl_folded {
	const struct genl_ops *split;
	unsigned int n_split;
	struct genl_ops ops[];
};

static inline const struct genl_ops *hvnet_genl_split_op(const struct hvnet_genl_folded *f,
							 u8 cmd, u8 cap)
{
	unsigned int i;

	for (i = 0; i < f->n_split; i++)
		if (f->split[i].cmd == cmd && (f->split[i].flags & cap))
			return &f->split[i];
	return NULL;
}

/* A dump's request against the dump's own policy. */
static inline int hvnet_genl_dump_check(struct netlink_callback *cb)
{
	const struct genl_dumpit_info *info = genl_dumpit_info(cb);
	const struct hvnet_genl_folded *f =
		container_of(info->family->ops, struct hvnet_genl_folded, ops[0]);
	const struct genl_ops *dump = hvnet_genl_split_op(f, info->op.cmd, GENL_CMD_CAP_DUMP);
	const struct nla_policy *policy = dump->policy ?: hvnet_genl_reject_all();
	int hdrlen = GENL_HDRLEN + info->family->hdrsize;

	return __nla_validate(nlmsg_attrdata(cb->nlh, hdrlen), nlmsg_attrlen(cb->nlh, hdrlen),
			      dump->policy ? dump->maxattr : 1, policy, NL_VALIDATE_STRICT,
			      cb->extack);
}

static inline int hvnet_genl_dump_refuse(struct sk_buff *skb, struct netlink_callback *cb)
{
	return hvnet_genl_dump_check(cb);
}

/*
 * 6.1 starts a dump without the request's extack, but gives it to the dump
 * itself: a request its dump's policy refuses is refused there, with
 * lib/nlattr.c's message (6.1 sends no attribute offset with a dump's end).
 */
static inline int hvnet_genl_dump_start(struct netlink_callback *cb)
{
	struct genl_dumpit_info *info = cb->data;

	if (hvnet_genl_dump_check(cb))
		info->op.dumpit = hvnet_genl_dump_refuse;
	return 0;
}

/* Does the do's policy take every attribute of the dump's, with the same rule? */
static inline bool hvnet_genl_policy_within(const struct genl_ops *dump,
					    const struct genl_ops *doit)
{
	unsigned int i;

	for (i = 1; dump->policy && i <= dump->maxattr; i++) {
		if (dump->policy[i].type == NLA_UNSPEC)
			continue;
		if (!doit->policy || i > doit->maxattr ||
		    memcmp(&dump->policy[i], &doit->policy[i], sizeof(dump->policy[i])))
			return false;
	}
	return true;
}

static inline int hvnet_genl_fold(struct genl_family *family, struct hvnet_genl_folded *f)
{
	unsigned int i, j, n = 0;

	for (i = 0; i < f->n_split; i++) {
		const struct genl_ops *s = &f->split[i];
		struct genl_ops *op;

		for (j = 0; j < n && f->ops[j].cmd != s->cmd; j++)
			;
		if (j == n)
			f->ops[n++].cmd = s->cmd;
		op = &f->ops[j];
		op->flags |= s->flags & ~(GENL_CMD_CAP_DO | GENL_CMD_CAP_DUMP);
		if (s->flags & GENL_CMD_CAP_DO) {
			op->doit = s->doit;
			op->policy = s->policy;
			op->maxattr = s->maxattr;
		} else {
			op->start = s->start;
			op->dumpit = s->dumpit;
			op->done = s->done;
			if (!op->doit) {
				op->policy = s->policy;
				op->maxattr = s->maxattr;
			}
		}
	}
	for (i = 0; i < n; i++) {
		struct genl_ops *op = &f->ops[i];
		const struct genl_ops *doit, *dump;

		if (!op->doit || !op->dumpit)
			continue;
		doit = hvnet_genl_split_op(f, op->cmd, GENL_CMD_CAP_DO);
		dump = hvnet_genl_split_op(f, op->cmd, GENL_CMD_CAP_DUMP);
		if (dump->policy == doit->policy && dump->maxattr == doit->maxattr)
			continue;
		/* a dump taking what its do does not cannot be said on 6.1 */
		if (WARN_ON(op->start || !hvnet_genl_policy_within(dump, doit)))
			return -EINVAL;
		op->start = hvnet_genl_dump_start;
	}
	family->ops = f->ops;
	family->n_ops = n;
	return 0;
}

/**
 * hvnet_genl_register() - register a generated family
 * @family: the family (its ops are the generated table)
 *
 * Return: 0 or a negative errno.
 */
static inline int hvnet_genl_register(struct genl_family *family)
{
	const struct genl_ops *split = family->ops;
	struct hvnet_genl_folded *f;
	int err;

	f = kzalloc(struct_size(f, ops, family->n_ops), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	/* held by the family, which is __ro_after_init: kmemleak does not scan it */
	kmemleak_not_leak(f);
	f->split = split;
	f->n_split = family->n_ops;
	err = hvnet_genl_fold(family, f);
	/*
	 * Serialized: NL_SET_ERR_MSG_FMT's static buffers (hvnet/compat.h)
	 * need it, and hvnet_genl_dump_start() replaces the dumpit of the
	 * op copy that genetlink calls a serialized dump through.
	 */
	family->parallel_ops = false;
	if (!err)
		err = genl_register_family(family);
	if (err) {
		family->ops = split;
		family->n_ops = f->n_split;
		kfree(f);
	}
	return err;
}

/**
 * hvnet_genl_unregister() - unregister a family hvnet_genl_register() registered
 * @family: the family
 */
static inline void hvnet_genl_unregister(struct genl_family *family)
{
	genl_unregister_family(family);
	/* the family is read-only now: leave its ops pointer dangling */
	kfree(container_of(family->ops, struct hvnet_genl_folded, ops[0]));
}
#else
/*
 * Genetlink shows an op without a policy with a reject-all one in a policy
 * dump, but passes it any attribute unchecked: give such an op (a do or
 * dump whose spec has no request) that policy for real.
 */
static inline int hvnet_genl_register(struct genl_family *family)
{
	const struct genl_split_ops *generated = family->split_ops;
	struct genl_split_ops *ops;
	unsigned int i;
	int err;

	ops = kmemdup(generated, family->n_split_ops * sizeof(*ops), GFP_KERNEL);
	if (!ops)
		return -ENOMEM;
	for (i = 0; i < family->n_split_ops; i++) {
		if (ops[i].policy)
			continue;
		ops[i].policy = hvnet_genl_reject_all();
		ops[i].maxattr = 1;
	}
	/* held by the family, which is __ro_after_init: kmemleak does not scan it */
	kmemleak_not_leak(ops);
	family->split_ops = ops;
	err = genl_register_family(family);
	if (err) {
		family->split_ops = generated;
		kfree(ops);
	}
	return err;
}

static inline void hvnet_genl_unregister(struct genl_family *family)
{
	genl_unregister_family(family);
	kfree(family->split_ops);
}
#endif

#endif /* _HVNET_GENL_H */
