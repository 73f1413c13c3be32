// SPDX-License-Identifier: GPL-2.0
/*
 * A test and benchmark module: extensions that do nothing.
 *
 *   filters=N      N filter extensions "noop0".."noop<N-1>" (default 8,
 *                  at most 8) whose ingress and egress pass every packet:
 *                  the cost of the extension chain itself;
 *   forwarders=M   M forwarding extensions "noopfwd0".."noopfwd<M-1>"
 *                  (default 0, at most 2) that add no destination, so the
 *                  switch's own forwarding decides: to try the rule of
 *                  one forwarding extension per switch.
 *
 * Not for production use. No state, so no lock.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <hvnet/version.h>
#include <hvnet/vswitch_ext.h>

#define NOOP_MAX_FILTERS	8
#define NOOP_MAX_FORWARDERS	2

static unsigned int filters = NOOP_MAX_FILTERS;
module_param(filters, uint, 0444);
MODULE_PARM_DESC(filters, "filter extensions to register (0-8, default 8)");

static unsigned int forwarders;
module_param(forwarders, uint, 0444);
MODULE_PARM_DESC(forwarders, "forwarding extensions to register (0-2, default 0)");

static enum vswitch_ext_verdict noop_pass(struct vswitch_ext_ctx *ctx,
					  const struct sk_buff *skb,
					  struct vswitch_fwd *fwd)
{
	return VSWITCH_EXT_PASS;
}

static enum vswitch_ext_verdict noop_forward(struct vswitch_ext_ctx *ctx,
					     struct sk_buff *skb,
					     struct vswitch_fwd *fwd)
{
	return VSWITCH_EXT_PASS;
}

static const struct vswitch_ext_ops noop_filter_ops = {
	.ingress	= noop_pass,
	.egress		= noop_pass,
};

static const struct vswitch_ext_ops noop_forward_ops = {
	.forward	= noop_forward,
};

#define NOOP_FILTER(n) { .name = "noop" #n, .class = VSWITCH_EXT_CLASS_FILTER, \
			 .ops = &noop_filter_ops, .owner = THIS_MODULE }
#define NOOP_FORWARDER(n) { .name = "noopfwd" #n, .class = VSWITCH_EXT_CLASS_FORWARD, \
			    .ops = &noop_forward_ops, .owner = THIS_MODULE }

/* the filters, then the forwarders: the first ones of each are registered */
static struct vswitch_ext noop_exts[NOOP_MAX_FILTERS + NOOP_MAX_FORWARDERS] = {
	NOOP_FILTER(0), NOOP_FILTER(1), NOOP_FILTER(2), NOOP_FILTER(3),
	NOOP_FILTER(4), NOOP_FILTER(5), NOOP_FILTER(6), NOOP_FILTER(7),
	NOOP_FORWARDER(0), NOOP_FORWARDER(1),
};

static bool noop_wanted(unsigned int i)
{
	return i < NOOP_MAX_FILTERS ? i < filters : i - NOOP_MAX_FILTERS < forwarders;
}

static void noop_unregister(unsigned int n)
{
	while (n--)
		if (noop_wanted(n))
			vswitch_ext_unregister(&noop_exts[n]);
}

static int __init noop_init(void)
{
	unsigned int i;
	int err;

	if (filters > NOOP_MAX_FILTERS || forwarders > NOOP_MAX_FORWARDERS) {
		pr_err("filters=0-%d, forwarders=0-%d\n",
		       NOOP_MAX_FILTERS, NOOP_MAX_FORWARDERS);
		return -EINVAL;
	}
	for (i = 0; i < ARRAY_SIZE(noop_exts); i++) {
		if (!noop_wanted(i))
			continue;
		err = vswitch_ext_register(&noop_exts[i]);
		if (err) {
			noop_unregister(i);
			return err;
		}
	}
	return 0;
}

static void __exit noop_exit(void)
{
	noop_unregister(ARRAY_SIZE(noop_exts));
}

module_init(noop_init);
module_exit(noop_exit);
MODULE_DESCRIPTION("hvnet: switch extensions that do nothing, for tests and benchmarks");
MODULE_LICENSE("GPL");
MODULE_VERSION(HVNET_VERSION);
