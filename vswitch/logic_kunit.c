// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the switch's pure logic - VLAN rules, the port and NIC state
 * machines, and the forwarding table (learning, moves, limits, static
 * entries, ageing, flush). The logic's files are compiled into this module,
 * so it runs without vswitch.ko.
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/slab.h>

#include "state.c"
#include "vlan.c"
#include "fdb.c"

/* --- VLAN --------------------------------------------------------------- */

static void vlan_access(struct kunit *test)
{
	struct vswitch_vlan v;
	bool tagged;
	u16 vid = 0xffff;

	vswitch_vlan_init_access(&v, 10);
	KUNIT_EXPECT_TRUE(test, vswitch_vlan_ingress(&v, false, 0, &vid));
	KUNIT_EXPECT_EQ(test, vid, 10);
	/* a priority tag is untagged for VLAN purposes */
	KUNIT_EXPECT_TRUE(test, vswitch_vlan_ingress(&v, true, 0, &vid));
	KUNIT_EXPECT_EQ(test, vid, 10);
	KUNIT_EXPECT_FALSE(test, vswitch_vlan_ingress(&v, true, 10, &vid));
	KUNIT_EXPECT_FALSE(test, vswitch_vlan_ingress(&v, true, 20, &vid));

	KUNIT_EXPECT_TRUE(test, vswitch_vlan_egress(&v, 10, &tagged));
	KUNIT_EXPECT_FALSE(test, tagged);
	KUNIT_EXPECT_FALSE(test, vswitch_vlan_egress(&v, 20, &tagged));
	KUNIT_EXPECT_FALSE(test, vswitch_vlan_egress(&v, 0, &tagged));
}

static void vlan_trunk(struct kunit *test)
{
	struct vswitch_vlan v;
	bool tagged;
	u16 vid;

	memset(&v, 0, sizeof(v));
	v.mode = VSWITCH_VLAN_MODE_TRUNK;
	v.native_vid = 1;
	__set_bit(10, v.trunk);
	__set_bit(20, v.trunk);

	KUNIT_EXPECT_TRUE(test, vswitch_vlan_ingress(&v, false, 0, &vid));
	KUNIT_EXPECT_EQ(test, vid, 1);
	KUNIT_EXPECT_TRUE(test, vswitch_vlan_ingress(&v, true, 20, &vid));
	KUNIT_EXPECT_EQ(test, vid, 20);
	KUNIT_EXPECT_FALSE(test, vswitch_vlan_ingress(&v, true, 30, &vid));
	KUNIT_EXPECT_FALSE(test, vswitch_vlan_ingress(&v, true, 4095, &vid));

	KUNIT_EXPECT_TRUE(test, vswitch_vlan_egress(&v, 1, &tagged));
	KUNIT_EXPECT_FALSE(test, tagged);
	KUNIT_EXPECT_TRUE(test, vswitch_vlan_egress(&v, 10, &tagged));
	KUNIT_EXPECT_TRUE(test, tagged);
	KUNIT_EXPECT_FALSE(test, vswitch_vlan_egress(&v, 30, &tagged));
	KUNIT_EXPECT_FALSE(test, vswitch_vlan_egress(&v, 0, &tagged));
}

static void vlan_trunk_all(struct kunit *test)
{
	struct vswitch_vlan v;
	bool tagged;
	u16 vid;

	vswitch_vlan_init_trunk_all(&v, 0);
	KUNIT_EXPECT_TRUE(test, vswitch_vlan_ingress(&v, true, 1, &vid));
	KUNIT_EXPECT_TRUE(test, vswitch_vlan_ingress(&v, true, 4094, &vid));
	KUNIT_EXPECT_FALSE(test, vswitch_vlan_ingress(&v, true, 4095, &vid));
	KUNIT_EXPECT_TRUE(test, vswitch_vlan_egress(&v, 0, &tagged));
	KUNIT_EXPECT_FALSE(test, tagged);
	KUNIT_EXPECT_TRUE(test, vswitch_vlan_egress(&v, 4094, &tagged));
	KUNIT_EXPECT_TRUE(test, tagged);
}

/* --- state machines ------------------------------------------------------ */

static void state_port(struct kunit *test)
{
	enum vswitch_port_state from, to;
	int legal = 0;

	for (from = VSWITCH_PORT_STATE_UNKNOWN; from <= VSWITCH_PORT_STATE_DELETED; from++)
		for (to = VSWITCH_PORT_STATE_UNKNOWN; to <= VSWITCH_PORT_STATE_DELETED; to++)
			legal += vswitch_port_state_allowed(from, to);
	/* exactly unknown->created->teardown->deleted */
	KUNIT_EXPECT_EQ(test, legal, 3);
	KUNIT_EXPECT_TRUE(test, vswitch_port_state_allowed(VSWITCH_PORT_STATE_CREATED,
							   VSWITCH_PORT_STATE_TEARDOWN));
	KUNIT_EXPECT_FALSE(test, vswitch_port_state_allowed(VSWITCH_PORT_STATE_CREATED,
							    VSWITCH_PORT_STATE_DELETED));
	KUNIT_EXPECT_FALSE(test, vswitch_port_state_allowed(VSWITCH_PORT_STATE_TEARDOWN,
							    VSWITCH_PORT_STATE_CREATED));
	KUNIT_EXPECT_FALSE(test, vswitch_port_state_allowed(VSWITCH_PORT_STATE_DELETED,
							    VSWITCH_PORT_STATE_CREATED));
	KUNIT_EXPECT_FALSE(test, vswitch_port_state_allowed(VSWITCH_PORT_STATE_CREATED, 99));
	KUNIT_EXPECT_STREQ(test, vswitch_port_state_name(VSWITCH_PORT_STATE_TEARDOWN),
			   "teardown");
	KUNIT_EXPECT_STREQ(test, vswitch_port_state_name(99), "invalid");
}

static void state_nic(struct kunit *test)
{
	enum vswitch_nic_state from, to;
	int legal = 0;

	for (from = VSWITCH_NIC_STATE_UNKNOWN; from <= VSWITCH_NIC_STATE_DELETED; from++)
		for (to = VSWITCH_NIC_STATE_UNKNOWN; to <= VSWITCH_NIC_STATE_DELETED; to++)
			legal += vswitch_nic_state_allowed(from, to);
	/* create, connect x2, disconnect, delete x2 */
	KUNIT_EXPECT_EQ(test, legal, 6);
	KUNIT_EXPECT_TRUE(test, vswitch_nic_state_allowed(VSWITCH_NIC_STATE_DISCONNECTED,
							  VSWITCH_NIC_STATE_CONNECTED));
	KUNIT_EXPECT_FALSE(test, vswitch_nic_state_allowed(VSWITCH_NIC_STATE_CONNECTED,
							   VSWITCH_NIC_STATE_DELETED));
	KUNIT_EXPECT_FALSE(test, vswitch_nic_state_allowed(VSWITCH_NIC_STATE_CONNECTED,
							   VSWITCH_NIC_STATE_CONNECTED));
	KUNIT_EXPECT_FALSE(test, vswitch_nic_state_allowed(VSWITCH_NIC_STATE_CREATED,
							   VSWITCH_NIC_STATE_DISCONNECTED));
	KUNIT_EXPECT_FALSE(test, vswitch_nic_state_allowed(VSWITCH_NIC_STATE_DELETED,
							   VSWITCH_NIC_STATE_CONNECTED));
}

/* --- forwarding table ---------------------------------------------------- */

struct fdb_ctx {
	struct vswitch_fdb fdb;
	struct vswitch_port p1, p2;
};

static const u8 mac_a[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0xa };
static const u8 mac_b[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0xb };
static const u8 mac_c[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0xc };

static int fdb_init(struct kunit *test)
{
	struct fdb_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	KUNIT_ASSERT_EQ(test, vswitch_fdb_init(&ctx->fdb), 0);
	ctx->p1.id = 1;
	ctx->p2.id = 2;
	test->priv = ctx;
	return 0;
}

static void fdb_exit(struct kunit *test)
{
	struct fdb_ctx *ctx = test->priv;

	vswitch_fdb_destroy(&ctx->fdb);
}

static int fdb_learn_bh(struct fdb_ctx *ctx, struct vswitch_port *port, const u8 *mac, u16 vid)
{
	int ret;

	local_bh_disable();
	rcu_read_lock();
	ret = vswitch_fdb_learn(&ctx->fdb, port, mac, vid);
	rcu_read_unlock();
	local_bh_enable();
	return ret;
}

static struct vswitch_port *fdb_port_of(struct fdb_ctx *ctx, const u8 *mac, u16 vid)
{
	struct vswitch_fdb_entry *e;
	struct vswitch_port *port = NULL;

	rcu_read_lock();
	e = vswitch_fdb_lookup(&ctx->fdb, mac, vid);
	if (e)
		port = rcu_dereference(e->port);
	rcu_read_unlock();
	return port;
}

static void fdb_learn_and_move(struct kunit *test)
{
	struct fdb_ctx *ctx = test->priv;

	KUNIT_EXPECT_EQ(test, fdb_learn_bh(ctx, &ctx->p1, mac_a, 0), 0);
	KUNIT_EXPECT_PTR_EQ(test, fdb_port_of(ctx, mac_a, 0), &ctx->p1);
	/* keyed by VLAN too */
	KUNIT_EXPECT_NULL(test, fdb_port_of(ctx, mac_a, 10));
	KUNIT_EXPECT_EQ(test, vswitch_fdb_count(&ctx->fdb), 1U);
	/* relearning is idempotent */
	KUNIT_EXPECT_EQ(test, fdb_learn_bh(ctx, &ctx->p1, mac_a, 0), 0);
	KUNIT_EXPECT_EQ(test, vswitch_fdb_count(&ctx->fdb), 1U);
	KUNIT_EXPECT_EQ(test, atomic_read(&ctx->p1.learned), 1);
	/* the station moves */
	KUNIT_EXPECT_EQ(test, fdb_learn_bh(ctx, &ctx->p2, mac_a, 0), 0);
	KUNIT_EXPECT_PTR_EQ(test, fdb_port_of(ctx, mac_a, 0), &ctx->p2);
	KUNIT_EXPECT_EQ(test, atomic_read(&ctx->p1.learned), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&ctx->p2.learned), 1);
	KUNIT_EXPECT_EQ(test, ctx->fdb.learned, 1U);
}

static void fdb_limits(struct kunit *test)
{
	struct fdb_ctx *ctx = test->priv;

	ctx->p1.learn_limit = 1;
	KUNIT_EXPECT_EQ(test, fdb_learn_bh(ctx, &ctx->p1, mac_a, 0), 0);
	KUNIT_EXPECT_EQ(test, fdb_learn_bh(ctx, &ctx->p1, mac_b, 0), -ENOSPC);
	KUNIT_EXPECT_NULL(test, fdb_port_of(ctx, mac_b, 0));
	/* a known address is no new address */
	KUNIT_EXPECT_EQ(test, fdb_learn_bh(ctx, &ctx->p1, mac_a, 0), 0);

	ctx->fdb.limit = 2;
	KUNIT_EXPECT_EQ(test, fdb_learn_bh(ctx, &ctx->p2, mac_b, 0), 0);
	KUNIT_EXPECT_EQ(test, fdb_learn_bh(ctx, &ctx->p2, mac_c, 0), -ENOSPC);
	/* moving onto a full port is refused too */
	KUNIT_EXPECT_EQ(test, fdb_learn_bh(ctx, &ctx->p1, mac_b, 0), -ENOSPC);
	KUNIT_EXPECT_PTR_EQ(test, fdb_port_of(ctx, mac_b, 0), &ctx->p2);
}

static void fdb_static(struct kunit *test)
{
	struct fdb_ctx *ctx = test->priv;

	KUNIT_EXPECT_EQ(test, fdb_learn_bh(ctx, &ctx->p1, mac_a, 0), 0);
	KUNIT_EXPECT_EQ(test, vswitch_fdb_add_static(&ctx->fdb, &ctx->p2, mac_a, 0), 0);
	KUNIT_EXPECT_PTR_EQ(test, fdb_port_of(ctx, mac_a, 0), &ctx->p2);
	/* static entries do not count and do not move */
	KUNIT_EXPECT_EQ(test, atomic_read(&ctx->p1.learned), 0);
	KUNIT_EXPECT_EQ(test, ctx->fdb.learned, 0U);
	KUNIT_EXPECT_EQ(test, fdb_learn_bh(ctx, &ctx->p1, mac_a, 0), 0);
	KUNIT_EXPECT_PTR_EQ(test, fdb_port_of(ctx, mac_a, 0), &ctx->p2);

	/* flush leaves static entries unless asked */
	vswitch_fdb_flush(&ctx->fdb, NULL, false);
	KUNIT_EXPECT_PTR_EQ(test, fdb_port_of(ctx, mac_a, 0), &ctx->p2);
	vswitch_fdb_flush(&ctx->fdb, NULL, true);
	KUNIT_EXPECT_NULL(test, fdb_port_of(ctx, mac_a, 0));
	KUNIT_EXPECT_EQ(test, vswitch_fdb_del(&ctx->fdb, mac_a, 0), -ENOENT);
}

static void fdb_flush_port(struct kunit *test)
{
	struct fdb_ctx *ctx = test->priv;

	KUNIT_EXPECT_EQ(test, fdb_learn_bh(ctx, &ctx->p1, mac_a, 0), 0);
	KUNIT_EXPECT_EQ(test, fdb_learn_bh(ctx, &ctx->p2, mac_b, 0), 0);
	vswitch_fdb_flush(&ctx->fdb, &ctx->p1, false);
	KUNIT_EXPECT_NULL(test, fdb_port_of(ctx, mac_a, 0));
	KUNIT_EXPECT_PTR_EQ(test, fdb_port_of(ctx, mac_b, 0), &ctx->p2);
	KUNIT_EXPECT_EQ(test, atomic_read(&ctx->p1.learned), 0);
	KUNIT_EXPECT_EQ(test, ctx->fdb.learned, 1U);
	KUNIT_EXPECT_EQ(test, vswitch_fdb_del(&ctx->fdb, mac_b, 0), 0);
	KUNIT_EXPECT_EQ(test, ctx->fdb.learned, 0U);
}

static void fdb_ageing(struct kunit *test)
{
	struct fdb_ctx *ctx = test->priv;
	struct vswitch_fdb_entry *e;

	KUNIT_EXPECT_EQ(test, fdb_learn_bh(ctx, &ctx->p1, mac_a, 0), 0);
	KUNIT_EXPECT_EQ(test, fdb_learn_bh(ctx, &ctx->p1, mac_b, 0), 0);
	KUNIT_EXPECT_EQ(test, vswitch_fdb_add_static(&ctx->fdb, &ctx->p2, mac_c, 0), 0);
	ctx->fdb.ageing_ms = 1000;

	rcu_read_lock();
	e = vswitch_fdb_lookup(&ctx->fdb, mac_a, 0);
	KUNIT_ASSERT_NOT_NULL(test, e);
	WRITE_ONCE(e->updated, jiffies - msecs_to_jiffies(5000));
	e = vswitch_fdb_lookup(&ctx->fdb, mac_c, 0);
	KUNIT_ASSERT_NOT_NULL(test, e);
	WRITE_ONCE(e->updated, jiffies - msecs_to_jiffies(5000));
	rcu_read_unlock();

	vswitch_fdb_age(&ctx->fdb);
	KUNIT_EXPECT_NULL(test, fdb_port_of(ctx, mac_a, 0));
	KUNIT_EXPECT_PTR_EQ(test, fdb_port_of(ctx, mac_b, 0), &ctx->p1);
	KUNIT_EXPECT_PTR_EQ(test, fdb_port_of(ctx, mac_c, 0), &ctx->p2);
	KUNIT_EXPECT_EQ(test, atomic_read(&ctx->p1.learned), 1);
}

static struct kunit_case vlan_cases[] = {
	KUNIT_CASE(vlan_access),
	KUNIT_CASE(vlan_trunk),
	KUNIT_CASE(vlan_trunk_all),
	{}
};

static struct kunit_case state_cases[] = {
	KUNIT_CASE(state_port),
	KUNIT_CASE(state_nic),
	{}
};

static struct kunit_case fdb_cases[] = {
	KUNIT_CASE(fdb_learn_and_move),
	KUNIT_CASE(fdb_limits),
	KUNIT_CASE(fdb_static),
	KUNIT_CASE(fdb_flush_port),
	KUNIT_CASE(fdb_ageing),
	{}
};

static int fdb_suite_init(struct kunit_suite *suite)
{
	return vswitch_fdb_module_init();
}

static void fdb_suite_exit(struct kunit_suite *suite)
{
	vswitch_fdb_module_exit();
}

static struct kunit_suite vlan_suite = {
	.name = "vswitch_vlan",
	.test_cases = vlan_cases,
};

static struct kunit_suite state_suite = {
	.name = "vswitch_state",
	.test_cases = state_cases,
};

static struct kunit_suite fdb_suite = {
	.name = "vswitch_fdb",
	.suite_init = fdb_suite_init,
	.suite_exit = fdb_suite_exit,
	.init = fdb_init,
	.exit = fdb_exit,
	.test_cases = fdb_cases,
};

kunit_test_suites(&vlan_suite, &state_suite, &fdb_suite);

MODULE_DESCRIPTION("KUnit: vswitch VLAN rules, state machines, forwarding table");
MODULE_LICENSE("GPL");
