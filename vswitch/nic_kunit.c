// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the synthetic NIC API of include/hvnet/vswitch.h, driven by fake
 * NICs on a private switch of the loaded vswitch.ko - flooding, learning,
 * unicast, no hairpin, disconnect, MTU and the lifecycle's refusals.
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>
#include <hvnet/vswitch.h>

#define KT_SWITCH "kunit-vs0"

struct fake_nic {
	struct vswitch_nic *nic;
	struct sk_buff_head rx;
	u8 mac[ETH_ALEN];
};

struct nic_ctx {
	struct fake_nic a, b;
};

static void fake_deliver(struct vswitch_nic *nic, struct sk_buff *skb)
{
	struct fake_nic *f = vswitch_nic_priv(nic);

	skb_queue_tail(&f->rx, skb);
}

static const struct vswitch_nic_ops fake_ops = {
	.deliver = fake_deliver,
};

static void fake_create(struct kunit *test, struct fake_nic *f, const char *port, u8 last)
{
	struct vswitch_nic_desc desc = {
		.switch_name = KT_SWITCH,
		.port_name = port,
		.mac = f->mac,
		.mtu = 1500,
		.ops = &fake_ops,
		.priv = f,
	};

	skb_queue_head_init(&f->rx);
	eth_zero_addr(f->mac);
	f->mac[0] = 0x02;
	f->mac[5] = last;
	f->nic = vswitch_synthetic_nic_create(&desc, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f->nic));
	KUNIT_ASSERT_EQ(test, vswitch_synthetic_nic_connect(f->nic, NULL), 0);
}

/* A frame of @len bytes from @from to @dest, sent into the switch. */
static void fake_send(struct kunit *test, struct fake_nic *from, const u8 *dest,
		      unsigned int len)
{
	struct sk_buff *skb = alloc_skb(len, GFP_KERNEL);
	struct ethhdr *eth;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	eth = skb_put_zero(skb, len);
	ether_addr_copy(eth->h_dest, dest);
	ether_addr_copy(eth->h_source, from->mac);
	eth->h_proto = htons(ETH_P_IP);
	skb_reset_mac_header(skb);
	vswitch_nic_receive(from->nic, skb);
}

static int nic_init(struct kunit *test)
{
	struct nic_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	KUNIT_ASSERT_EQ(test, vswitch_switch_add(KT_SWITCH, false, NULL), 0);
	test->priv = ctx;
	fake_create(test, &ctx->a, "a", 0xa);
	fake_create(test, &ctx->b, "b", 0xb);
	return 0;
}

static void nic_exit(struct kunit *test)
{
	struct nic_ctx *ctx = test->priv;

	if (ctx->a.nic)
		vswitch_synthetic_nic_delete(ctx->a.nic);
	if (ctx->b.nic)
		vswitch_synthetic_nic_delete(ctx->b.nic);
	skb_queue_purge(&ctx->a.rx);
	skb_queue_purge(&ctx->b.rx);
	KUNIT_EXPECT_EQ(test, vswitch_switch_del(KT_SWITCH, NULL), 0);
}

static void nic_flood_learn_unicast(struct kunit *test)
{
	struct nic_ctx *ctx = test->priv;

	/* broadcast from a floods to b only */
	fake_send(test, &ctx->a, (const u8 *)"\xff\xff\xff\xff\xff\xff", 64);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->b.rx), 1U);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->a.rx), 0U);
	/* b answers a by unicast: a was learned */
	fake_send(test, &ctx->b, ctx->a.mac, 64);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->a.rx), 1U);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->b.rx), 1U);
	/* and a frame to itself never comes back out */
	fake_send(test, &ctx->a, ctx->a.mac, 64);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->a.rx), 1U);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->b.rx), 1U);
}

static void nic_disconnect(struct kunit *test)
{
	struct nic_ctx *ctx = test->priv;

	vswitch_synthetic_nic_disconnect(ctx->b.nic);
	fake_send(test, &ctx->a, (const u8 *)"\xff\xff\xff\xff\xff\xff", 64);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->b.rx), 0U);
	/* a disconnected NIC's frames do not enter */
	fake_send(test, &ctx->b, ctx->a.mac, 64);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->a.rx), 0U);
	/* and it connects again */
	KUNIT_EXPECT_EQ(test, vswitch_synthetic_nic_connect(ctx->b.nic, NULL), 0);
	KUNIT_EXPECT_EQ(test, vswitch_synthetic_nic_connect(ctx->b.nic, NULL), -EINVAL);
	fake_send(test, &ctx->a, (const u8 *)"\xff\xff\xff\xff\xff\xff", 64);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->b.rx), 1U);
}

static void nic_mtu(struct kunit *test)
{
	struct nic_ctx *ctx = test->priv;

	KUNIT_EXPECT_EQ(test, vswitch_nic_set_mtu(ctx->b.nic, 100, NULL), 0);
	KUNIT_EXPECT_EQ(test, vswitch_nic_set_mtu(ctx->b.nic, 10, NULL), -EINVAL);
	fake_send(test, &ctx->a, (const u8 *)"\xff\xff\xff\xff\xff\xff", ETH_HLEN + 100);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->b.rx), 1U);
	fake_send(test, &ctx->a, (const u8 *)"\xff\xff\xff\xff\xff\xff", ETH_HLEN + 101);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&ctx->b.rx), 1U);
}

static void nic_refusals(struct kunit *test)
{
	struct nic_ctx *ctx = test->priv;
	struct vswitch_nic_desc desc = {
		.switch_name = KT_SWITCH, .port_name = "a", .mac = ctx->a.mac,
		.mtu = 1500, .ops = &fake_ops, .priv = &ctx->a,
	};
	struct vswitch_nic *nic;

	/* a port name is unique in its switch */
	nic = vswitch_synthetic_nic_create(&desc, NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(nic), -EEXIST);
	desc.port_name = "c";
	desc.switch_name = "no-such-switch";
	nic = vswitch_synthetic_nic_create(&desc, NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(nic), -ENOENT);
	desc.switch_name = KT_SWITCH;
	desc.ops = NULL;
	nic = vswitch_synthetic_nic_create(&desc, NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(nic), -EINVAL);
	/* a second switch of the same name */
	KUNIT_EXPECT_EQ(test, vswitch_switch_add(KT_SWITCH, false, NULL), -EEXIST);
}

static struct kunit_case nic_cases[] = {
	KUNIT_CASE(nic_flood_learn_unicast),
	KUNIT_CASE(nic_disconnect),
	KUNIT_CASE(nic_mtu),
	KUNIT_CASE(nic_refusals),
	{}
};

static struct kunit_suite nic_suite = {
	.name = "vswitch_synthetic_nic",
	.init = nic_init,
	.exit = nic_exit,
	.test_cases = nic_cases,
};

kunit_test_suite(nic_suite);

MODULE_DESCRIPTION("KUnit: vswitch synthetic NICs");
MODULE_LICENSE("GPL");
