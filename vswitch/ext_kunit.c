// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the extension chain of include/hvnet/vswitch_ext.h on a private
 * switch of the loaded vswitch.ko, with fake extensions (a capture, two
 * filters, two forwarders) and fake synthetic NICs: chain order on ingress
 * and egress, class powers (refused actions are not carried out), the
 * destination rules, vetoes and their rollback (during a flood too), the
 * one-forwarder rule, packets an extension originates, unregistering while enabled, and the
 * save and restore of a NIC's extension state.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/etherdevice.h>
#include <linux/kthread.h>
#include <linux/skbuff.h>
#include <hvnet/vswitch.h>
#include <hvnet/vswitch_ext.h>

#define KT_SWITCH "kunit-ext0"
#define KT_LOG 32

static const u8 kt_bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

struct fake_nic {
	struct vswitch_nic *nic;
	struct sk_buff_head rx;
	u8 mac[ETH_ALEN];
};

/* What the fake extensions do, and what they saw. */
static struct {
	char log[KT_LOG];		/* one letter per op: upper case ingress, lower egress */
	unsigned int nlog;
	bool cap_drop;			/* capture asks to drop on ingress */
	int cap_exclude_err;		/* what its exclusion returned */
	int filter_add_err;		/* a filter trying to add a destination */
	bool f1_exclude_all;		/* f1 excludes every destination on egress */
	int f1_exclude_again;		/* f1 excludes twice: the second result */
	int f1_exclude_range;		/* f1 excludes past the list */
	u16 fw_add_port;		/* the forwarder adds this port (0: none) */
	int fw_add_err;
	u16 fw_probe_from, fw_probe_to;	/* and tries these ports' first NICs */
	unsigned long fw_probe_found;	/* which it should never find */
	bool f2_veto;			/* f2 refuses ports named "veto" */
	unsigned int cap_port_deletes;	/* port_delete calls seen by capture */
	bool cap_originate;		/* capture originates a frame per ingress */
	int cap_originate_err;
	u16 last_src;			/* source port f1 saw last */
	char restored[32];		/* what f1's nic_restore was given */
	u16 restored_port;
} kt;

static void kt_log(char c)
{
	if (kt.nlog < KT_LOG - 1)
		kt.log[kt.nlog++] = c;
}

static enum vswitch_ext_verdict cap_ingress(struct vswitch_ext_ctx *ctx, const struct sk_buff *skb,
					    struct vswitch_fwd *fwd)
{
	kt_log('C');
	kt.cap_exclude_err = vswitch_fwd_exclude(fwd, 0, VSWITCH_EXT_REASON_POLICY);
	if (kt.cap_originate && vswitch_fwd_src_port(fwd)) {
		struct sk_buff *nskb = skb_copy(skb, GFP_ATOMIC);

		kt.cap_originate_err = nskb ? vswitch_ext_originate(ctx, nskb, 0) : -ENOMEM;
	}
	if (kt.cap_drop)
		return vswitch_fwd_drop(fwd, VSWITCH_EXT_REASON_POLICY);
	return VSWITCH_EXT_PASS;
}

static enum vswitch_ext_verdict cap_egress(struct vswitch_ext_ctx *ctx, const struct sk_buff *skb,
					   struct vswitch_fwd *fwd)
{
	kt_log('c');
	return VSWITCH_EXT_PASS;
}

static void cap_port_delete(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_port *port)
{
	kt.cap_port_deletes++;
}

static enum vswitch_ext_verdict f1_ingress(struct vswitch_ext_ctx *ctx, const struct sk_buff *skb,
					   struct vswitch_fwd *fwd)
{
	kt_log('F');
	kt.last_src = vswitch_fwd_src_port(fwd);
	kt.filter_add_err = vswitch_fwd_add_dest(fwd, 1, 0, 0);
	return VSWITCH_EXT_PASS;
}

static enum vswitch_ext_verdict f1_egress(struct vswitch_ext_ctx *ctx, const struct sk_buff *skb,
					  struct vswitch_fwd *fwd)
{
	unsigned int i;

	kt_log('f');
	if (kt.f1_exclude_all) {
		for (i = 0; i < vswitch_fwd_ndest(fwd); i++)
			vswitch_fwd_exclude(fwd, i, VSWITCH_EXT_REASON_POLICY);
		kt.f1_exclude_again = vswitch_fwd_exclude(fwd, 0, VSWITCH_EXT_REASON_RATE);
		kt.f1_exclude_range = vswitch_fwd_exclude(fwd, vswitch_fwd_ndest(fwd),
							  VSWITCH_EXT_REASON_POLICY);
	}
	return VSWITCH_EXT_PASS;
}

static int f1_nic_save(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_nic *nic,
		       void *buf, size_t size)
{
	return snprintf(buf, size, "f1 saw port %u", nic->port_id) + 1;
}

static int f1_nic_restore(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_nic *nic,
			  const void *buf, size_t len, struct netlink_ext_ack *extack)
{
	strscpy(kt.restored, buf, min(len, sizeof(kt.restored)));
	kt.restored_port = nic->port_id;
	return 0;
}

static enum vswitch_ext_verdict f2_ingress(struct vswitch_ext_ctx *ctx, const struct sk_buff *skb,
					   struct vswitch_fwd *fwd)
{
	kt_log('G');
	return VSWITCH_EXT_PASS;
}

static enum vswitch_ext_verdict f2_egress(struct vswitch_ext_ctx *ctx, const struct sk_buff *skb,
					  struct vswitch_fwd *fwd)
{
	kt_log('g');
	return VSWITCH_EXT_PASS;
}

static int f2_port_create(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_port *port,
			  struct netlink_ext_ack *extack)
{
	if (kt.f2_veto && !strcmp(port->name, "veto")) {
		NL_SET_ERR_MSG(extack, "f2 refuses this port");
		return -EACCES;
	}
	return 0;
}

static enum vswitch_ext_verdict fw_forward(struct vswitch_ext_ctx *ctx, struct sk_buff *skb,
					   struct vswitch_fwd *fwd)
{
	u16 p;

	kt_log('W');
	if (kt.fw_add_port)
		kt.fw_add_err = vswitch_fwd_add_dest(fwd, kt.fw_add_port, 0, 0);
	for (p = kt.fw_probe_from; p && p < kt.fw_probe_to; p++)
		if (vswitch_fwd_add_dest(fwd, p, 0, 0) != -ENOENT)
			kt.fw_probe_found++;
	return VSWITCH_EXT_PASS;
}

static enum vswitch_ext_verdict fw_egress(struct vswitch_ext_ctx *ctx, const struct sk_buff *skb,
					  struct vswitch_fwd *fwd)
{
	kt_log('w');
	return VSWITCH_EXT_PASS;
}

static const struct vswitch_ext_ops cap_ops = {
	.ingress = cap_ingress, .egress = cap_egress, .port_delete = cap_port_delete,
};

static const struct vswitch_ext_ops f1_ops = {
	.ingress = f1_ingress, .egress = f1_egress,
	.nic_save = f1_nic_save, .nic_restore = f1_nic_restore,
};

static const struct vswitch_ext_ops f2_ops = {
	.ingress = f2_ingress, .egress = f2_egress, .port_create = f2_port_create,
};

static const struct vswitch_ext_ops fw_ops = { .forward = fw_forward, .egress = fw_egress };

static struct vswitch_ext kt_cap = {
	.name = "kt-cap", .class = VSWITCH_EXT_CLASS_CAPTURE, .ops = &cap_ops,
};

static struct vswitch_ext kt_f1 = {
	.name = "kt-f1", .class = VSWITCH_EXT_CLASS_FILTER, .ops = &f1_ops,
};

static struct vswitch_ext kt_f2 = {
	.name = "kt-f2", .class = VSWITCH_EXT_CLASS_FILTER, .ops = &f2_ops,
};

static struct vswitch_ext kt_fw = {
	.name = "kt-fw", .class = VSWITCH_EXT_CLASS_FORWARD, .ops = &fw_ops,
};

static struct vswitch_ext kt_fw2 = {
	.name = "kt-fw2", .class = VSWITCH_EXT_CLASS_FORWARD, .ops = &fw_ops,
};

static struct vswitch_ext *const kt_exts[] = { &kt_cap, &kt_f1, &kt_f2, &kt_fw, &kt_fw2 };

struct ext_ctx {
	struct fake_nic a, b, c;
	bool registered[ARRAY_SIZE(kt_exts)];
};

static void fake_deliver(struct vswitch_nic *nic, struct sk_buff *skb)
{
	struct fake_nic *f = vswitch_nic_priv(nic);

	skb_queue_tail(&f->rx, skb);
}

static const struct vswitch_nic_ops fake_ops = { .deliver = fake_deliver };

static struct vswitch_nic *fake_create(struct fake_nic *f, const char *port, u8 last)
{
	struct vswitch_nic_desc desc = {
		.switch_name = KT_SWITCH, .port_name = port, .mac = f->mac,
		.mtu = 1500, .ops = &fake_ops, .priv = f,
	};

	skb_queue_head_init(&f->rx);
	eth_zero_addr(f->mac);
	f->mac[0] = 0x02;
	f->mac[5] = last;
	return vswitch_synthetic_nic_create(&desc, NULL);
}

static void fake_up(struct kunit *test, struct fake_nic *f, const char *port, u8 last)
{
	f->nic = fake_create(f, port, last);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f->nic));
	KUNIT_ASSERT_EQ(test, vswitch_synthetic_nic_connect(f->nic, NULL), 0);
}

static struct sk_buff *fake_frame(struct fake_nic *from, const u8 *dest)
{
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);
	struct ethhdr *eth;

	if (!skb)
		return NULL;
	eth = skb_put_zero(skb, 64);
	ether_addr_copy(eth->h_dest, dest);
	ether_addr_copy(eth->h_source, from->mac);
	eth->h_proto = htons(ETH_P_IP);
	skb_reset_mac_header(skb);
	return skb;
}

static void fake_send(struct kunit *test, struct fake_nic *from, const u8 *dest)
{
	struct sk_buff *skb = fake_frame(from, dest);

	KUNIT_ASSERT_NOT_NULL(test, skb);
	vswitch_nic_receive(from->nic, skb);
}

static void kt_enable(struct kunit *test, struct vswitch_ext *ext)
{
	KUNIT_ASSERT_EQ(test, vswitch_ext_configure(KT_SWITCH, ext->name, 1, -1, NULL), 0);
}

static int ext_init(struct kunit *test)
{
	struct ext_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	test->priv = ctx;
	memset(&kt, 0, sizeof(kt));
	for (i = 0; i < ARRAY_SIZE(kt_exts); i++) {
		KUNIT_ASSERT_EQ(test, vswitch_ext_register(kt_exts[i]), 0);
		ctx->registered[i] = true;
	}
	KUNIT_ASSERT_EQ(test, vswitch_switch_add(KT_SWITCH, false, NULL), 0);
	fake_up(test, &ctx->a, "a", 0xa);
	fake_up(test, &ctx->b, "b", 0xb);
	fake_up(test, &ctx->c, "c", 0xc);
	return 0;
}

static void ext_exit(struct kunit *test)
{
	struct ext_ctx *ctx = test->priv;
	struct fake_nic *f[] = { &ctx->a, &ctx->b, &ctx->c };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(f); i++) {
		if (f[i]->nic && !IS_ERR(f[i]->nic))
			vswitch_synthetic_nic_delete(f[i]->nic);
		skb_queue_purge(&f[i]->rx);
	}
	KUNIT_EXPECT_EQ(test, vswitch_switch_del(KT_SWITCH, NULL), 0);
	for (i = 0; i < ARRAY_SIZE(kt_exts); i++)
		if (ctx->registered[i])
			vswitch_ext_unregister(kt_exts[i]);
}

/* Ingress: capture, filters, forwarder; egress: the reverse. */
static void ext_chain_order(struct kunit *test)
{
	struct ext_ctx *ctx = test->priv;

	kt_enable(test, &kt_fw);
	kt_enable(test, &kt_f2);
	kt_enable(test, &kt_f1);
	kt_enable(test, &kt_cap);
	fake_send(test, &ctx->a, kt_bcast);
	KUNIT_EXPECT_STREQ(test, kt.log, "CFGWwgfc");
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->b.rx), 1U);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->c.rx), 1U);

	/* f2 first among the filters, then disabled: out of the chain */
	KUNIT_ASSERT_EQ(test, vswitch_ext_configure(KT_SWITCH, "kt-f2", -1, 0, NULL), 0);
	memset(kt.log, 0, sizeof(kt.log));
	kt.nlog = 0;
	fake_send(test, &ctx->a, kt_bcast);
	KUNIT_EXPECT_STREQ(test, kt.log, "CGFWwfgc");
	KUNIT_ASSERT_EQ(test, vswitch_ext_configure(KT_SWITCH, "kt-f2", 0, -1, NULL), 0);
	memset(kt.log, 0, sizeof(kt.log));
	kt.nlog = 0;
	fake_send(test, &ctx->a, kt_bcast);
	KUNIT_EXPECT_STREQ(test, kt.log, "CFWwfc");
	/* positions run within the class only */
	KUNIT_EXPECT_EQ(test, vswitch_ext_configure(KT_SWITCH, "kt-cap", -1, 1, NULL), -ERANGE);
}

/* What a class may not do is refused and not carried out. */
static void ext_class_powers(struct kunit *test)
{
	struct ext_ctx *ctx = test->priv;

	kt_enable(test, &kt_cap);
	kt_enable(test, &kt_f1);
	kt.cap_drop = true;
	fake_send(test, &ctx->a, kt_bcast);
	/* the capture's drop was refused: delivered anyway */
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->b.rx), 1U);
	KUNIT_EXPECT_EQ(test, kt.cap_exclude_err, -EPERM);
	/* a filter may not add destinations */
	KUNIT_EXPECT_EQ(test, kt.filter_add_err, -EPERM);
	/* guest traffic is never port 0 */
	KUNIT_EXPECT_NE(test, kt.last_src, 0);
}

/* A forwarder's destinations, then exclusion: final, one way, all = dropped. */
static void ext_destinations(struct kunit *test)
{
	struct ext_ctx *ctx = test->priv;

	kt_enable(test, &kt_f1);
	kt_enable(test, &kt_fw);
	/* a unicast to an unknown address would flood; the forwarder sends it to c only */
	kt.fw_add_port = 3;
	fake_send(test, &ctx->a, ctx->b.mac);
	KUNIT_EXPECT_EQ(test, kt.fw_add_err, 0);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->c.rx), 1U);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->b.rx), 0U);
	/* a port that is not there */
	kt.fw_add_port = 999;
	fake_send(test, &ctx->a, kt_bcast);
	KUNIT_EXPECT_EQ(test, kt.fw_add_err, -ENOENT);
	/* the filter excludes everything: nothing is delivered */
	kt.fw_add_port = 3;
	kt.f1_exclude_all = true;
	skb_queue_purge(&ctx->b.rx);
	skb_queue_purge(&ctx->c.rx);
	fake_send(test, &ctx->a, kt_bcast);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->b.rx), 0U);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->c.rx), 0U);
	KUNIT_EXPECT_EQ(test, kt.f1_exclude_again, 0);
	KUNIT_EXPECT_EQ(test, kt.f1_exclude_range, -EINVAL);
}

/* One forwarding extension per switch. */
static void ext_one_forwarder(struct kunit *test)
{
	kt_enable(test, &kt_fw);
	KUNIT_EXPECT_EQ(test, vswitch_ext_configure(KT_SWITCH, "kt-fw2", 1, -1, NULL), -EBUSY);
	KUNIT_EXPECT_EQ(test, vswitch_ext_configure(KT_SWITCH, "kt-fw", 0, -1, NULL), 0);
	KUNIT_EXPECT_EQ(test, vswitch_ext_configure(KT_SWITCH, "kt-fw2", 1, -1, NULL), 0);
}

/* A veto fails the creation; the extensions before it are told to undo. */
static void ext_veto(struct kunit *test)
{
	struct fake_nic v = {};
	struct vswitch_nic *nic;

	kt_enable(test, &kt_cap);
	kt_enable(test, &kt_f2);
	kt.f2_veto = true;
	nic = fake_create(&v, "veto", 0xd);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(nic), -EACCES);
	KUNIT_EXPECT_EQ(test, kt.cap_port_deletes, 1U);
	/* and nothing of it stayed: the name is free once the veto is lifted */
	kt.f2_veto = false;
	nic = fake_create(&v, "veto", 0xd);
	KUNIT_ASSERT_FALSE(test, IS_ERR(nic));
	vswitch_synthetic_nic_delete(nic);
	KUNIT_EXPECT_EQ(test, kt.cap_port_deletes, 2U);
}

struct kt_flood {
	struct fake_nic *from;
	struct completion started, done;
	unsigned long sent;
	bool stop;
};

/* broadcasts from one port until told to stop */
static int kt_flood_fn(void *arg)
{
	struct kt_flood *fl = arg;
	struct sk_buff *skb;

	while (!READ_ONCE(fl->stop) && (skb = fake_frame(fl->from, kt_bcast))) {
		vswitch_nic_receive(fl->from->nic, skb);
		if (!fl->sent++)
			complete(&fl->started);
		cond_resched();
	}
	complete(&fl->started);
	complete(&fl->done);
	return 0;
}

/*
 * Ports vetoed while a flood crosses the switch. Each is in the switch's
 * ports, where a forwarder's vswitch_fwd_add_dest() may find it, before the
 * veto, so it is freed after a grace period (a reader that found it would
 * otherwise read freed memory: KASAN's report fails the test, though a
 * single vCPU seldom lands a reader in that window). The forwarder, which
 * looks up every id the vetoed ports get (cyclic: 4 to 203), never finds a
 * NIC there, and every frame reaches each port that stays exactly once.
 */
static void ext_veto_under_flood(struct kunit *test)
{
	struct fake_nic *v = kunit_kzalloc(test, sizeof(*v), GFP_KERNEL);
	struct vswitch_nic_desc desc = {
		.switch_name = KT_SWITCH, .port_name = "veto", .mtu = 1500,
		.ops = &fake_ops, .priv = v,
	};
	struct ext_ctx *ctx = test->priv;
	struct kt_flood fl = { .from = &ctx->a };
	unsigned int i, vetoed = 0;
	struct task_struct *t;

	KUNIT_ASSERT_NOT_NULL(test, v);
	skb_queue_head_init(&v->rx);
	v->mac[0] = 0x02;
	v->mac[5] = 0xd;
	desc.mac = v->mac;
	kt_enable(test, &kt_cap);
	kt_enable(test, &kt_f2);
	kt_enable(test, &kt_fw);
	kt.f2_veto = true;
	kt.fw_probe_from = 4;
	kt.fw_probe_to = 204;
	init_completion(&fl.started);
	init_completion(&fl.done);
	t = kthread_run(kt_flood_fn, &fl, "kt-flood");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	wait_for_completion(&fl.started);
	for (i = 0; i < 200; i++) {
		vetoed += PTR_ERR(vswitch_synthetic_nic_create(&desc, NULL)) == -EACCES;
		cond_resched();
	}
	WRITE_ONCE(fl.stop, true);
	wait_for_completion(&fl.done);
	synchronize_rcu();
	KUNIT_EXPECT_EQ(test, vetoed, 200U);
	KUNIT_EXPECT_EQ(test, kt.cap_port_deletes, 200U);
	KUNIT_EXPECT_GT(test, fl.sent, 0UL);
	KUNIT_EXPECT_EQ(test, kt.fw_probe_found, 0UL);
	KUNIT_EXPECT_EQ(test, (unsigned long)skb_queue_len(&ctx->b.rx), fl.sent);
	KUNIT_EXPECT_EQ(test, (unsigned long)skb_queue_len(&ctx->c.rx), fl.sent);
	skb_queue_purge(&v->rx);
}

/* An originated packet enters below its originator, from port 0. */
static void ext_originate(struct kunit *test)
{
	struct ext_ctx *ctx = test->priv;

	kt_enable(test, &kt_cap);
	kt_enable(test, &kt_f1);
	kt.cap_originate = true;
	fake_send(test, &ctx->a, kt_bcast);
	KUNIT_EXPECT_EQ(test, kt.cap_originate_err, 0);
	/* the copy went through f1 and egress first, then the original */
	KUNIT_EXPECT_STREQ(test, kt.log, "CFfcFfc");
	KUNIT_EXPECT_EQ(test, kt.last_src, 1);
	/* port 0 is no port: the copy went to a, b and c, the original to b and c */
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->a.rx), 1U);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->b.rx), 2U);
}

/* Unregistering an enabled extension takes it out of the chain at once. */
static void ext_unregister_enabled(struct kunit *test)
{
	struct ext_ctx *ctx = test->priv;

	kt_enable(test, &kt_cap);
	kt_enable(test, &kt_f1);
	vswitch_ext_unregister(&kt_f1);
	ctx->registered[1] = false;
	fake_send(test, &ctx->a, kt_bcast);
	KUNIT_EXPECT_STREQ(test, kt.log, "Cc");
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->b.rx), 1U);
	/* its name is free again */
	KUNIT_EXPECT_EQ(test, vswitch_ext_register(&kt_f1), 0);
	ctx->registered[1] = true;
	KUNIT_EXPECT_EQ(test, vswitch_ext_register(&kt_f1), -EEXIST);
}

/* A NIC's extension state follows it to a new port, by extension name. */
static void ext_save_restore(struct kunit *test)
{
	struct ext_ctx *ctx = test->priv;
	struct vswitch_nic_saved *state;
	struct fake_nic moved = {};

	kt_enable(test, &kt_f1);
	state = vswitch_nic_save(ctx->b.nic);
	KUNIT_ASSERT_FALSE(test, IS_ERR(state));
	moved.nic = fake_create(&moved, "b-moved", 0xe);
	KUNIT_ASSERT_FALSE(test, IS_ERR(moved.nic));
	vswitch_synthetic_nic_delete(ctx->b.nic);
	ctx->b.nic = NULL;
	KUNIT_EXPECT_EQ(test, vswitch_nic_restore(moved.nic, state, NULL), 0);
	KUNIT_EXPECT_STREQ(test, kt.restored, "f1 saw port 2");
	KUNIT_EXPECT_EQ(test, kt.restored_port, 4);
	/* a disabled extension is not given its blob */
	memset(kt.restored, 0, sizeof(kt.restored));
	KUNIT_ASSERT_EQ(test, vswitch_ext_configure(KT_SWITCH, "kt-f1", 0, -1, NULL), 0);
	KUNIT_EXPECT_EQ(test, vswitch_nic_restore(moved.nic, state, NULL), 0);
	KUNIT_EXPECT_STREQ(test, kt.restored, "");
	vswitch_nic_saved_free(state);
	vswitch_synthetic_nic_delete(moved.nic);
}

static struct kunit_case ext_cases[] = {
	KUNIT_CASE(ext_chain_order),
	KUNIT_CASE(ext_class_powers),
	KUNIT_CASE(ext_destinations),
	KUNIT_CASE(ext_one_forwarder),
	KUNIT_CASE(ext_veto),
	KUNIT_CASE(ext_veto_under_flood),
	KUNIT_CASE(ext_originate),
	KUNIT_CASE(ext_unregister_enabled),
	KUNIT_CASE(ext_save_restore),
	{}
};

static struct kunit_suite ext_suite = {
	.name = "vswitch_ext_chain",
	.init = ext_init,
	.exit = ext_exit,
	.test_cases = ext_cases,
};

kunit_test_suite(ext_suite);

MODULE_DESCRIPTION("KUnit: the vswitch extension chain");
MODULE_LICENSE("GPL");
