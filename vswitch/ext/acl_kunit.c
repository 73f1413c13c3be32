// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the acl extension's logic - validation of rules, the precedence
 * of port ACLs and of extended ACLs, the compiled classifier against a
 * plain walk of the rules, the keys of frames, and the session table. The
 * logic's files are compiled into this module, so it runs without
 * vswitch.ko or vswitch_acl.ko.
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/random.h>

#include "acl_rule.c"
#include "acl_cls.c"
#include "acl_pkt.c"
#include "acl_flow.c"

struct acl_test {
	struct list_head rules;
	struct acl_set *set;
	struct acl_flows *flows;	/* destroyed even when a case stops early */
};

static int acl_test_init(struct kunit *test)
{
	struct acl_test *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, t);
	INIT_LIST_HEAD(&t->rules);
	test->priv = t;
	return 0;
}

static void acl_test_exit(struct kunit *test)
{
	struct acl_test *t = test->priv;
	struct acl_rule *r, *tmp;

	if (t->flows)
		acl_flows_destroy(t->flows);
	acl_set_free(t->set);
	list_for_each_entry_safe(r, tmp, &t->rules, node) {
		list_del(&r->node);
		acl_rule_put(r);
	}
}

static struct acl_rule *acl_test_parse(u32 id, u32 instance, const void *data, u32 len,
				       struct netlink_ext_ack *extack)
{
	struct vswitch_ext_prop prop = {
		.port_id = 1, .id = id, .instance = instance,
		.version = HVNET_ACL_VERSION, .len = len, .data = data,
	};

	memset(extack, 0, sizeof(*extack));
	return acl_rule_parse(&prop, extack);
}

/* Add a valid rule to the test's list. */
static struct acl_rule *acl_test_add(struct kunit *test, u32 id, u32 instance,
				     const void *data, u32 len)
{
	struct acl_test *t = test->priv;
	struct netlink_ext_ack extack;
	struct acl_rule *r = acl_test_parse(id, instance, data, len, &extack);

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(r), "rule %u refused: %s", instance,
			       extack._msg ?: "");
	list_add_tail(&r->node, &t->rules);
	return r;
}

static struct acl_rule *pacl(struct kunit *test, u32 instance, u8 dir, u8 type, u8 side,
			     u8 action, const void *addr, u8 len)
{
	struct hvnet_acl_rule c = {
		.direction = dir, .type = type, .side = side, .action = action,
		.prefix_len = len,
	};

	memcpy(c.addr, addr, type == HVNET_ACL_TYPE_MAC ? ETH_ALEN :
	       type == HVNET_ACL_TYPE_IPV4 ? 4 : 16);
	return acl_test_add(test, HVNET_ACL_PROP_ID, instance, &c, sizeof(c));
}

static struct acl_rule *xacl(struct kunit *test, u32 instance, const struct hvnet_xacl_rule *c)
{
	return acl_test_add(test, HVNET_XACL_PROP_ID, instance, c, sizeof(*c));
}

static void acl_test_build(struct kunit *test)
{
	struct acl_test *t = test->priv;

	acl_set_free(t->set);
	t->set = acl_set_build(&t->rules);
	KUNIT_ASSERT_FALSE(test, IS_ERR(t->set));
}

#define IP4(a, b, c, d)	((u8 []){ a, b, c, d })
#define MAC(x)		((u8 []){ 0x02, 0, 0, 0, 0, x })

/* An IPv4 key as its source port sees it (out), or a destination (in). */
static struct acl_key key4(const u8 *local, const u8 *remote, u8 proto, u16 lport, u16 rport)
{
	struct acl_key k = { .family = 4, .proto = proto };

	memcpy(&k.ip_l[0], local, 4);
	memcpy(&k.ip_r[0], remote, 4);
	memcpy(k.mac_l, MAC(1), ETH_ALEN);
	memcpy(k.mac_r, MAC(2), ETH_ALEN);
	if (proto == IPPROTO_TCP || proto == IPPROTO_UDP) {
		k.flags = ACL_KEY_PORTS;
		k.port_l = lport;
		k.port_r = rport;
	}
	return k;
}

static const u8 vm[4] = { 10, 9, 0, 1 };

/* The action the port ACLs take on @k in @dir, or 0 for no match. */
static u8 pacl_action(struct kunit *test, enum acl_dir dir, const struct acl_key *k)
{
	struct acl_test *t = test->priv;
	struct acl_rule *r = acl_cls_best(&t->set->pacl[dir], k);

	return r ? r->action : 0;
}

static u32 best_instance(const struct acl_cls *cls, const struct acl_key *k)
{
	struct acl_rule *r = acl_cls_best(cls, k);

	return r ? r->instance : 0;
}

/* --- validation ------------------------------------------------------------ */

static void acl_parse_errors(struct kunit *test)
{
	static const struct {
		struct hvnet_acl_rule rule;
		const char *msg;
	} bad[] = {
		{ { 0, HVNET_ACL_TYPE_IPV4, 1, 1, 8, {}, { 10 } }, "direction" },
		{ { 4, HVNET_ACL_TYPE_IPV4, 1, 1, 8, {}, { 10 } }, "direction" },
		{ { 1, HVNET_ACL_TYPE_IPV4, 1, 4, 8, {}, { 10 } }, "action" },
		{ { 1, HVNET_ACL_TYPE_IPV4, 3, 1, 8, {}, { 10 } }, "side" },
		{ { 1, 7, 1, 1, 8, {}, { 10 } }, "address type" },
		{ { 1, HVNET_ACL_TYPE_IPV4, 1, 1, 33, {}, { 10 } }, "too long" },
		{ { 1, HVNET_ACL_TYPE_MAC, 1, 1, 49, {}, { 2 } }, "too long" },
		{ { 1, HVNET_ACL_TYPE_IPV6, 1, 1, 129, {}, { 0x20 } }, "too long" },
		{ { 1, HVNET_ACL_TYPE_IPV4, 1, 1, 8, {}, { 10, 1 } }, "beyond" },
		{ { 1, HVNET_ACL_TYPE_IPV4, 1, 1, 32, {}, { 10, 1, 1, 1, 1 } }, "reserved" },
		{ { 1, HVNET_ACL_TYPE_IPV4, 1, 1, 8, { 1 }, { 10 } }, "reserved" },
	};
	static const struct {
		struct hvnet_xacl_rule rule;
		const char *msg;
	} xbad[] = {
		{ { .direction = 3, .action = 1 }, "direction" },
		{ { .direction = 1, .action = 3 }, "action" },
		{ { .direction = 1, .action = 2, .flags = HVNET_XACL_F_STATEFUL }, "stateful" },
		{ { .direction = 1, .action = 1, .flags = 0x80 }, "flags" },
		{ { .direction = 1, .action = 1, .idle_timeout = 5 }, "idle timeout" },
		{ { .direction = 1, .action = 1, .family = 5 }, "family" },
		{ { .direction = 1, .action = 1, .local_prefix_len = 8 }, "needs family" },
		{ { .direction = 1, .action = 1, .family = 4, .remote_prefix_len = 40 },
		  "too long" },
		{ { .direction = 1, .action = 1, .family = 4, .local_prefix_len = 8,
		    .local_addr = { 10, 1 } }, "beyond its prefix" },
		{ { .direction = 1, .action = 1, .family = 4, .remote_addr = { 0, 0, 0, 0, 1 } },
		  "beyond the family" },
		{ { .direction = 1, .action = 1, .local_port_min = 80, .local_port_max = 80 },
		  "needs protocol" },
		{ { .direction = 1, .action = 1, .protocol = 1, .remote_port_min = 1,
		    .remote_port_max = 2 }, "needs protocol" },
		{ { .direction = 1, .action = 1, .protocol = 6, .remote_port_min = 90,
		    .remote_port_max = 80 }, "backwards" },
		{ { .direction = 1, .action = 1, .reserved = 1 }, "reserved" },
	};
	struct hvnet_acl_rule good = {
		HVNET_ACL_DIR_BOTH, HVNET_ACL_TYPE_IPV4, HVNET_ACL_SIDE_REMOTE,
		HVNET_ACL_ACTION_DENY, 8, {}, { 10 },
	};
	struct vswitch_ext_prop prop = {
		.port_id = 1, .id = HVNET_ACL_PROP_ID, .version = HVNET_ACL_VERSION,
		.len = sizeof(good), .data = &good,
	};
	struct netlink_ext_ack extack;
	struct acl_rule *r;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		r = acl_test_parse(HVNET_ACL_PROP_ID, i, &bad[i].rule, sizeof(bad[i].rule),
				   &extack);
		KUNIT_EXPECT_TRUE_MSG(test, IS_ERR(r), "port rule %u accepted", i);
		if (!IS_ERR(r)) {
			acl_rule_put(r);
			continue;
		}
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(extack._msg ?: "", bad[i].msg),
					  "port rule %u: \"%s\"", i, extack._msg ?: "");
	}
	for (i = 0; i < ARRAY_SIZE(xbad); i++) {
		r = acl_test_parse(HVNET_XACL_PROP_ID, i, &xbad[i].rule, sizeof(xbad[i].rule),
				   &extack);
		KUNIT_EXPECT_TRUE_MSG(test, IS_ERR(r), "extended rule %u accepted", i);
		if (!IS_ERR(r)) {
			acl_rule_put(r);
			continue;
		}
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(extack._msg ?: "", xbad[i].msg),
					  "extended rule %u: \"%s\"", i, extack._msg ?: "");
	}

	/* the property around the rule */
	memset(&extack, 0, sizeof(extack));
	r = acl_rule_parse(&prop, &extack);
	KUNIT_ASSERT_FALSE(test, IS_ERR(r));
	acl_rule_put(r);
	prop.version = 2;
	KUNIT_EXPECT_EQ(test, PTR_ERR(acl_rule_parse(&prop, &extack)), -EOPNOTSUPP);
	prop.version = HVNET_ACL_VERSION;
	prop.len--;
	KUNIT_EXPECT_EQ(test, PTR_ERR(acl_rule_parse(&prop, &extack)), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(extack._msg, "bytes"));
	prop.len = sizeof(struct hvnet_xacl_rule);
	prop.id = HVNET_XACL_PROP_ID;
	KUNIT_EXPECT_EQ(test, PTR_ERR(acl_rule_parse(&prop, &extack)), -EINVAL);
	prop.len = sizeof(good);
	prop.id = HVNET_ACL_PROP_ID;
	prop.port_id = 0;
	KUNIT_EXPECT_EQ(test, PTR_ERR(acl_rule_parse(&prop, &extack)), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(extack._msg, "port"));
}

/* --- port ACLs ------------------------------------------------------------- */

static void acl_port_precedence(struct kunit *test)
{
	struct acl_key k;

	pacl(test, 1, HVNET_ACL_DIR_BOTH, HVNET_ACL_TYPE_IPV4, HVNET_ACL_SIDE_REMOTE,
	     HVNET_ACL_ACTION_DENY, IP4(10, 0, 0, 0), 8);
	pacl(test, 2, HVNET_ACL_DIR_BOTH, HVNET_ACL_TYPE_IPV4, HVNET_ACL_SIDE_REMOTE,
	     HVNET_ACL_ACTION_ALLOW, IP4(10, 1, 0, 0), 16);
	pacl(test, 3, HVNET_ACL_DIR_IN, HVNET_ACL_TYPE_IPV4, HVNET_ACL_SIDE_REMOTE,
	     HVNET_ACL_ACTION_ALLOW, IP4(10, 1, 2, 3), 32);
	pacl(test, 4, HVNET_ACL_DIR_IN, HVNET_ACL_TYPE_IPV4, HVNET_ACL_SIDE_REMOTE,
	     HVNET_ACL_ACTION_DENY, IP4(10, 1, 2, 3), 32);
	pacl(test, 5, HVNET_ACL_DIR_OUT, HVNET_ACL_TYPE_MAC, HVNET_ACL_SIDE_REMOTE,
	     HVNET_ACL_ACTION_ALLOW, MAC(0x99), 48);
	acl_test_build(test);

	/* the longer prefix wins, both ways */
	k = key4(vm, IP4(10, 2, 0, 1), IPPROTO_ICMP, 0, 0);
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_OUT, &k), HVNET_ACL_ACTION_DENY);
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_IN, &k), HVNET_ACL_ACTION_DENY);
	k = key4(vm, IP4(10, 1, 5, 5), IPPROTO_ICMP, 0, 0);
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_OUT, &k), HVNET_ACL_ACTION_ALLOW);
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_IN, &k), HVNET_ACL_ACTION_ALLOW);
	/* equally specific: deny beats allow; the /32s are inbound only */
	k = key4(vm, IP4(10, 1, 2, 3), IPPROTO_ICMP, 0, 0);
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_IN, &k), HVNET_ACL_ACTION_DENY);
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_OUT, &k), HVNET_ACL_ACTION_ALLOW);
	/* no rule: no decision */
	k = key4(vm, IP4(192, 168, 0, 1), IPPROTO_ICMP, 0, 0);
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_IN, &k), 0);
	/* a whole MAC address is more specific than an IPv4 /8 */
	k = key4(vm, IP4(10, 2, 0, 1), IPPROTO_ICMP, 0, 0);
	memcpy(k.mac_r, MAC(0x99), ETH_ALEN);
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_OUT, &k), HVNET_ACL_ACTION_ALLOW);
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_IN, &k), HVNET_ACL_ACTION_DENY);
	/* IPv4 rules see neither IPv6 nor frames that are not IP */
	k.family = 6;
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_IN, &k), 0);
	k.family = 0;
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_IN, &k), 0);
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_OUT, &k), HVNET_ACL_ACTION_ALLOW);
}

static void acl_port_tie_across_types(struct kunit *test)
{
	static const u8 net6[16] = { 0x20, 0x01, 0x0d, 0xb8 };
	struct acl_key k;

	/* a whole MAC address and an IPv4 /32 are equally specific */
	pacl(test, 1, HVNET_ACL_DIR_BOTH, HVNET_ACL_TYPE_MAC, HVNET_ACL_SIDE_REMOTE,
	     HVNET_ACL_ACTION_ALLOW, MAC(2), 48);
	pacl(test, 2, HVNET_ACL_DIR_BOTH, HVNET_ACL_TYPE_IPV4, HVNET_ACL_SIDE_REMOTE,
	     HVNET_ACL_ACTION_DENY, IP4(10, 9, 0, 2), 32);
	/* an IPv6 /64 is half the address: less than a MAC, more than a v4 /8 */
	pacl(test, 3, HVNET_ACL_DIR_BOTH, HVNET_ACL_TYPE_IPV6, HVNET_ACL_SIDE_REMOTE,
	     HVNET_ACL_ACTION_DENY, net6, 64);
	pacl(test, 4, HVNET_ACL_DIR_BOTH, HVNET_ACL_TYPE_MAC, HVNET_ACL_SIDE_REMOTE,
	     HVNET_ACL_ACTION_ALLOW, MAC(0), 24);
	acl_test_build(test);

	k = key4(vm, IP4(10, 9, 0, 2), IPPROTO_UDP, 1, 2);
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_OUT, &k), HVNET_ACL_ACTION_DENY);
	k = key4(vm, IP4(10, 9, 0, 3), IPPROTO_UDP, 1, 2);
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_OUT, &k), HVNET_ACL_ACTION_ALLOW);
	k.family = 6;
	memset(k.ip_r, 0, sizeof(k.ip_r));
	memcpy(k.ip_r, net6, sizeof(net6));
	((u8 *)k.ip_r)[8] = 1;
	/* MAC 02:00:00:00:00:02 (/48) beats 2001:db8::/64 */
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_OUT, &k), HVNET_ACL_ACTION_ALLOW);
	/* ...but the OUI (/24 of 48 = 1/2) ties with the /64: deny */
	k.mac_r[5] = 0x77;
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_OUT, &k), HVNET_ACL_ACTION_DENY);
}

static void acl_port_local_remote(struct kunit *test)
{
	struct acl_key out, in;

	/* the VM's own address: its source going out, destination coming in */
	pacl(test, 1, HVNET_ACL_DIR_BOTH, HVNET_ACL_TYPE_IPV4, HVNET_ACL_SIDE_LOCAL,
	     HVNET_ACL_ACTION_DENY, IP4(10, 9, 0, 1), 32);
	acl_test_build(test);

	out = key4(vm, IP4(10, 9, 0, 2), IPPROTO_ICMP, 0, 0);
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_OUT, &out), HVNET_ACL_ACTION_DENY);
	/* a packet from 10.9.0.1 as its destination port sees it */
	acl_key_reverse(&out, &in);
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_IN, &in), 0);
	/* a packet to 10.9.0.1, seen by the port it goes to */
	in = key4(vm, IP4(10, 9, 0, 5), IPPROTO_ICMP, 0, 0);
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_IN, &in), HVNET_ACL_ACTION_DENY);
}

static void acl_count_match(struct acl_rule *rule, void *arg)
{
	(*(unsigned int *)arg) += rule->instance;
}

static void acl_port_meters(struct kunit *test)
{
	struct acl_test *t;
	unsigned int sum = 0;
	struct acl_key k;

	pacl(test, 1, HVNET_ACL_DIR_BOTH, HVNET_ACL_TYPE_IPV4, HVNET_ACL_SIDE_REMOTE,
	     HVNET_ACL_ACTION_METER, IP4(10, 0, 0, 0), 8);
	pacl(test, 2, HVNET_ACL_DIR_IN, HVNET_ACL_TYPE_IPV4, HVNET_ACL_SIDE_REMOTE,
	     HVNET_ACL_ACTION_METER, IP4(10, 1, 0, 0), 16);
	pacl(test, 4, HVNET_ACL_DIR_IN, HVNET_ACL_TYPE_MAC, HVNET_ACL_SIDE_REMOTE,
	     HVNET_ACL_ACTION_METER, MAC(2), 48);
	pacl(test, 8, HVNET_ACL_DIR_IN, HVNET_ACL_TYPE_IPV4, HVNET_ACL_SIDE_REMOTE,
	     HVNET_ACL_ACTION_METER, IP4(10, 2, 0, 0), 16);
	acl_test_build(test);
	t = test->priv;

	/* meters do not decide */
	k = key4(vm, IP4(10, 1, 0, 1), IPPROTO_ICMP, 0, 0);
	KUNIT_EXPECT_EQ(test, pacl_action(test, ACL_IN, &k), 0);
	/* every matching meter counts */
	acl_cls_each(&t->set->meter[ACL_IN], &k, acl_count_match, &sum);
	KUNIT_EXPECT_EQ(test, sum, 1 + 2 + 4);
	sum = 0;
	acl_cls_each(&t->set->meter[ACL_OUT], &k, acl_count_match, &sum);
	KUNIT_EXPECT_EQ(test, sum, 1);
}

/* --- extended ACLs --------------------------------------------------------- */

static void acl_ext_weights(struct kunit *test)
{
	struct hvnet_xacl_rule deny_tcp = {
		.direction = HVNET_ACL_DIR_IN, .action = HVNET_ACL_ACTION_DENY,
		.protocol = IPPROTO_TCP, .weight = 10,
	};
	struct hvnet_xacl_rule ssh = {
		.direction = HVNET_ACL_DIR_IN, .action = HVNET_ACL_ACTION_ALLOW,
		.protocol = IPPROTO_TCP, .weight = 20,
		.local_port_min = 22, .local_port_max = 22,
	};
	struct hvnet_xacl_rule bad_host = {
		.direction = HVNET_ACL_DIR_IN, .action = HVNET_ACL_ACTION_DENY,
		.weight = 30, .family = 4, .remote_prefix_len = 32,
		.remote_addr = { 10, 9, 0, 66 },
	};
	struct hvnet_xacl_rule high_ports = {
		.direction = HVNET_ACL_DIR_IN, .action = HVNET_ACL_ACTION_ALLOW,
		.protocol = IPPROTO_UDP, .weight = 40,
		.remote_port_min = 1000, .remote_port_max = 2000,
	};
	struct hvnet_xacl_rule any = {
		.direction = HVNET_ACL_DIR_IN, .action = HVNET_ACL_ACTION_ALLOW, .weight = 5,
	};
	struct acl_test *t;
	struct acl_key k;

	xacl(test, 1, &deny_tcp);
	xacl(test, 2, &ssh);
	xacl(test, 3, &bad_host);
	xacl(test, 4, &high_ports);
	xacl(test, 5, &any);
	acl_test_build(test);
	t = test->priv;

	/* in: local is the VM (its port 22), remote the client */
	k = key4(vm, IP4(10, 9, 0, 2), IPPROTO_TCP, 22, 40000);
	KUNIT_EXPECT_EQ(test, best_instance(&t->set->xacl[ACL_IN], &k), 2);
	k.port_l = 23;
	KUNIT_EXPECT_EQ(test, best_instance(&t->set->xacl[ACL_IN], &k), 1);
	/* the weightier host rule beats the SSH rule */
	k = key4(vm, IP4(10, 9, 0, 66), IPPROTO_TCP, 22, 40000);
	KUNIT_EXPECT_EQ(test, best_instance(&t->set->xacl[ACL_IN], &k), 3);
	/* a range, ends included */
	k = key4(vm, IP4(10, 9, 0, 66), IPPROTO_UDP, 53, 1000);
	KUNIT_EXPECT_EQ(test, best_instance(&t->set->xacl[ACL_IN], &k), 4);
	k.port_r = 2000;
	KUNIT_EXPECT_EQ(test, best_instance(&t->set->xacl[ACL_IN], &k), 4);
	k.port_r = 2001;
	KUNIT_EXPECT_EQ(test, best_instance(&t->set->xacl[ACL_IN], &k), 3);
	k = key4(vm, IP4(10, 9, 0, 2), IPPROTO_UDP, 53, 999);
	KUNIT_EXPECT_EQ(test, best_instance(&t->set->xacl[ACL_IN], &k), 5);
	/* a later fragment has no ports: the port rules cannot match it */
	k = key4(vm, IP4(10, 9, 0, 2), IPPROTO_TCP, 0, 0);
	k.flags = 0;
	KUNIT_EXPECT_EQ(test, best_instance(&t->set->xacl[ACL_IN], &k), 1);
	/* no address, no protocol: IPv6 too */
	k.family = 6;
	k.proto = IPPROTO_ICMPV6;
	KUNIT_EXPECT_EQ(test, best_instance(&t->set->xacl[ACL_IN], &k), 5);
	/* nothing outbound */
	KUNIT_EXPECT_EQ(test, best_instance(&t->set->xacl[ACL_OUT], &k), 0);
}

static void acl_dead_rules(struct kunit *test)
{
	struct hvnet_xacl_rule allow = {
		.direction = HVNET_ACL_DIR_OUT, .action = HVNET_ACL_ACTION_ALLOW,
		.weight = 2, .protocol = IPPROTO_UDP,
	};
	struct hvnet_xacl_rule deny = {
		.direction = HVNET_ACL_DIR_OUT, .action = HVNET_ACL_ACTION_DENY, .weight = 1,
	};
	struct acl_test *t;
	struct acl_rule *r;
	struct acl_key k;

	r = xacl(test, 1, &allow);
	xacl(test, 2, &deny);
	acl_test_build(test);
	t = test->priv;
	k = key4(vm, IP4(10, 9, 0, 2), IPPROTO_UDP, 1, 2);
	KUNIT_EXPECT_EQ(test, best_instance(&t->set->xacl[ACL_OUT], &k), 1);
	/* deleted, still in the published set: skipped */
	WRITE_ONCE(r->dead, true);
	KUNIT_EXPECT_EQ(test, best_instance(&t->set->xacl[ACL_OUT], &k), 2);
	/* and left out of the next set */
	acl_test_build(test);
	KUNIT_EXPECT_EQ(test, t->set->xacl[ACL_OUT].ngroups, 1U);
}

/* --- the classifier against a walk of every rule --------------------------- */

/* Reproducible: each round seeds it, and a failure names the seed. */
static struct rnd_state acl_rnd;

static u32 acl_rand(u32 n)
{
	return prandom_u32_state(&acl_rnd) % n;
}

/* A random prefix of 10.0.0.0/28: small, so that rules and keys meet. */
static void acl_rand_prefix(u8 *addr, u8 *len)
{
	static const u8 lens[] = { 0, 8, 24, 26, 28, 29, 30, 31, 32, 32 };
	u8 mask[4];
	int i;

	*len = lens[acl_rand(ARRAY_SIZE(lens))];
	addr[0] = 10;
	addr[1] = 0;
	addr[2] = 0;
	addr[3] = acl_rand(16);
	acl_prefix_mask(mask, 4, *len);
	for (i = 0; i < 4; i++)
		addr[i] &= mask[i];
}

static void acl_rand_ports(u16 *min, u16 *max)
{
	switch (acl_rand(3)) {
	case 0:
		*min = 0;
		*max = 0;
		break;
	case 1:
		*min = 1 + acl_rand(8);
		*max = *min;
		break;
	default:
		*min = 1 + acl_rand(8);
		*max = *min + acl_rand(4);
	}
}

static struct acl_rule *acl_linear_best(struct list_head *rules, int kind, bool meter,
					enum acl_dir dir, const struct acl_key *k)
{
	struct acl_rule *r, *best = NULL;

	list_for_each_entry(r, rules, node) {
		bool is_meter = r->action == HVNET_ACL_ACTION_METER;

		if (r->dead || r->kind != kind || !(r->dirs & BIT(dir)) ||
		    is_meter != meter || !acl_rule_match(r, k))
			continue;
		if (!best || r->prio > best->prio)
			best = r;
	}
	return best;
}

static void acl_random_rule(struct kunit *test, const char *what, const struct acl_rule *r)
{
	if (!r) {
		kunit_info(test, "%s: none", what);
		return;
	}
	kunit_info(test, "%s: rule %u prio %u dead %d ranges %d value %*ph mask %*ph",
		   what, r->instance, r->prio, r->dead, r->ranges,
		   (int)sizeof(r->value), &r->value, (int)sizeof(r->mask), &r->mask);
}

static void acl_random_report(struct kunit *test, u32 seed, unsigned int n, enum acl_dir d,
			      const struct acl_key *k, const struct acl_rule *pwant,
			      const struct acl_rule *pgot, const struct acl_rule *want,
			      const struct acl_rule *got, unsigned int a, unsigned int b)
{
	kunit_info(test, "seed %u, %u rules; key dir %d proto %u flags %u %pI4:%u -> %pI4:%u",
		   seed, n, d, k->proto, k->flags, &k->ip_l[0], k->port_l, &k->ip_r[0],
		   k->port_r);
	acl_random_rule(test, "port ACL, walk", pwant);
	acl_random_rule(test, "port ACL, classifier", pgot);
	acl_random_rule(test, "extended ACL, walk", want);
	acl_random_rule(test, "extended ACL, classifier", got);
	kunit_info(test, "meters: walk %u, classifier %u (sums of rule numbers)", b, a);
}

#define ACL_ROUNDS	16

static void acl_random_sets(struct kunit *test)
{
	static const u8 protos[] = { 0, IPPROTO_TCP, IPPROTO_UDP };
	struct acl_test *t = test->priv;
	unsigned int round, i, checked = 0, wrong = 0;
	u16 weights[256];

	for (round = 0; round < ACL_ROUNDS; round++) {
		u32 seed = get_random_u32();
		struct acl_rule *r, *tmp;
		unsigned int n;

		prandom_seed_state(&acl_rnd, seed);
		n = 1 + acl_rand(ARRAY_SIZE(weights));

		list_for_each_entry_safe(r, tmp, &t->rules, node) {
			list_del(&r->node);
			acl_rule_put(r);
		}
		/* shuffle the weights: unique per direction */
		for (i = 0; i < ARRAY_SIZE(weights); i++)
			weights[i] = i * 7 + 1;
		for (i = ARRAY_SIZE(weights) - 1; i > 0; i--) {
			u32 j = acl_rand(i + 1);

			swap(weights[i], weights[j]);
		}
		for (i = 0; i < n; i++) {
			struct hvnet_acl_rule c = {
				.direction = 1 + acl_rand(3),
				.type = HVNET_ACL_TYPE_IPV4,
				.side = 1 + acl_rand(2),
				.action = 1 + acl_rand(3),
			};
			struct hvnet_xacl_rule x = {
				.direction = 1 + acl_rand(2),
				.action = 1 + acl_rand(2),
				.protocol = protos[acl_rand(ARRAY_SIZE(protos))],
				.weight = weights[i],
				.family = acl_rand(2) ? HVNET_XACL_FAMILY_IPV4 : 0,
			};

			acl_rand_prefix(c.addr, &c.prefix_len);
			pacl(test, i + 1, c.direction, c.type, c.side, c.action, c.addr,
			     c.prefix_len);
			if (x.family) {
				acl_rand_prefix(x.local_addr, &x.local_prefix_len);
				acl_rand_prefix(x.remote_addr, &x.remote_prefix_len);
			}
			if (x.protocol) {
				acl_rand_ports(&x.local_port_min, &x.local_port_max);
				acl_rand_ports(&x.remote_port_min, &x.remote_port_max);
			}
			xacl(test, i + 1, &x);
		}
		/* some are deleted but still in the set */
		acl_test_build(test);
		list_for_each_entry(r, &t->rules, node)
			if (!acl_rand(8))
				WRITE_ONCE(r->dead, true);

		for (i = 0; i < 200; i++) {
			struct acl_rule *want, *got, *pwant, *pgot;
			enum acl_dir d = acl_rand(2);
			unsigned int a = 0, b = 0;
			u8 l[4], rm[4], len;
			struct acl_key k;

			acl_rand_prefix(l, &len);
			acl_rand_prefix(rm, &len);
			l[3] = acl_rand(16);
			rm[3] = acl_rand(16);
			k = key4(l, rm, protos[acl_rand(ARRAY_SIZE(protos))], acl_rand(12),
				 acl_rand(12));

			pwant = acl_linear_best(&t->rules, ACL_KIND_PORT, false, d, &k);
			pgot = acl_cls_best(&t->set->pacl[d], &k);
			want = acl_linear_best(&t->rules, ACL_KIND_EXT, false, d, &k);
			got = acl_cls_best(&t->set->xacl[d], &k);
			acl_cls_each(&t->set->meter[d], &k, acl_count_match, &a);
			list_for_each_entry(r, &t->rules, node)
				if (!r->dead && r->action == HVNET_ACL_ACTION_METER &&
				    (r->dirs & BIT(d)) && acl_rule_match(r, &k))
					b += r->instance;
			checked++;
			/* equal priority means the same action for port ACLs */
			if ((pwant ? pwant->prio : ~0U) == (pgot ? pgot->prio : ~0U) &&
			    want == got && a == b)
				continue;
			/* the first disagreement in full, then only how many */
			if (!wrong++)
				acl_random_report(test, seed, n, d, &k, pwant, pgot, want, got,
						  a, b);
		}
	}
	KUNIT_EXPECT_EQ_MSG(test, wrong, 0U, "of %u lookups", checked);
}

/* --- the key of a frame ---------------------------------------------------- */

static struct sk_buff *acl_frame(struct kunit *test, const void *data, unsigned int len)
{
	struct sk_buff *skb = alloc_skb(len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_put_data(skb, data, len);
	return skb;
}

static void acl_pkt_keys(struct kunit *test)
{
	static const u8 tcp4[] = {
		2, 0, 0, 0, 0, 2,  2, 0, 0, 0, 0, 1,  0x08, 0x00,
		0x45, 0, 0, 40, 0, 0, 0, 0, 64, IPPROTO_TCP, 0, 0,
		10, 9, 0, 1,  10, 9, 0, 2,
		0x9c, 0x40, 0x00, 0x16, 0, 0, 0, 0, 0, 0, 0, 0, 0x50, 0x02, 0, 0, 0, 0, 0, 0,
	};
	/* IPv6, a hop-by-hop header, then UDP 53 -> 1234 */
	static const u8 udp6[] = {
		2, 0, 0, 0, 0, 2,  2, 0, 0, 0, 0, 1,  0x86, 0xdd,
		0x60, 0, 0, 0, 0, 16, 0, 64,
		0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
		0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
		IPPROTO_UDP, 0, 1, 4, 0, 0, 0, 0,
		0x00, 0x35, 0x04, 0xd2, 0, 8, 0, 0,
	};
	static const u8 arp[] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff,  2, 0, 0, 0, 0, 1,  0x08, 0x06,
		0, 1, 8, 0, 6, 4, 0, 1,
	};
	u8 frag[sizeof(tcp4)], v6[sizeof(udp6) + 8];
	struct acl_key k, rev;
	struct sk_buff *skb;

	skb = acl_frame(test, tcp4, sizeof(tcp4));
	acl_key_parse(skb, &k);
	kfree_skb(skb);
	KUNIT_EXPECT_EQ(test, k.family, 4);
	KUNIT_EXPECT_EQ(test, k.proto, IPPROTO_TCP);
	KUNIT_EXPECT_EQ(test, k.flags, ACL_KEY_PORTS);
	KUNIT_EXPECT_EQ(test, k.port_l, 40000);
	KUNIT_EXPECT_EQ(test, k.port_r, 22);
	KUNIT_EXPECT_EQ(test, k.ip_l[0], htonl(0x0a090001));
	KUNIT_EXPECT_EQ(test, k.ip_r[0], htonl(0x0a090002));
	KUNIT_EXPECT_TRUE(test, ether_addr_equal(k.mac_l, MAC(1)));
	KUNIT_EXPECT_TRUE(test, ether_addr_equal(k.mac_r, MAC(2)));
	acl_key_reverse(&k, &rev);
	KUNIT_EXPECT_EQ(test, rev.port_l, 22);
	KUNIT_EXPECT_EQ(test, rev.ip_l[0], htonl(0x0a090002));
	KUNIT_EXPECT_TRUE(test, ether_addr_equal(rev.mac_l, MAC(2)));

	/* a later fragment: addresses, no ports */
	memcpy(frag, tcp4, sizeof(frag));
	frag[ETH_HLEN + 7] = 0x10;
	skb = acl_frame(test, frag, sizeof(frag));
	acl_key_parse(skb, &k);
	kfree_skb(skb);
	KUNIT_EXPECT_EQ(test, k.family, 4);
	KUNIT_EXPECT_EQ(test, k.flags, 0);
	KUNIT_EXPECT_EQ(test, k.port_l, 0);

	/* cut in the IPv4 header, or in the TCP header: unparsed, refused */
	skb = acl_frame(test, tcp4, ETH_HLEN + 10);
	acl_key_parse(skb, &k);
	kfree_skb(skb);
	KUNIT_EXPECT_EQ(test, k.family, 0);
	KUNIT_EXPECT_EQ(test, k.flags, ACL_KEY_UNPARSED);
	KUNIT_EXPECT_TRUE(test, ether_addr_equal(k.mac_l, MAC(1)));
	skb = acl_frame(test, tcp4, ETH_HLEN + 22);
	acl_key_parse(skb, &k);
	kfree_skb(skb);
	KUNIT_EXPECT_EQ(test, k.family, 4);
	KUNIT_EXPECT_EQ(test, k.flags, ACL_KEY_UNPARSED);
	/* a header length pointing past the packet */
	memcpy(frag, tcp4, sizeof(frag));
	frag[ETH_HLEN] = 0x4f;
	skb = acl_frame(test, frag, sizeof(frag));
	acl_key_parse(skb, &k);
	kfree_skb(skb);
	KUNIT_EXPECT_EQ(test, k.flags, ACL_KEY_UNPARSED);

	/* IPv6: a first fragment whose header chain goes on past its end
	 * (RFC 7112) is unparsed; a later fragment has no ports and is not
	 */
	memset(v6, 0, sizeof(v6));
	memcpy(v6, udp6, ETH_HLEN + 40);
	v6[ETH_HLEN + 6] = NEXTHDR_FRAGMENT;
	/* fragment header: next destination options, offset 0, more */
	v6[ETH_HLEN + 40] = NEXTHDR_DEST;
	v6[ETH_HLEN + 41] = 0;
	v6[ETH_HLEN + 42] = 0;
	v6[ETH_HLEN + 43] = 1;
	memset(&v6[ETH_HLEN + 44], 0x11, 4);
	/* destination options of 16 bytes, of which 2 are here */
	v6[ETH_HLEN + 48] = IPPROTO_UDP;
	v6[ETH_HLEN + 49] = 1;
	skb = acl_frame(test, v6, ETH_HLEN + 50);
	acl_key_parse(skb, &k);
	kfree_skb(skb);
	KUNIT_EXPECT_EQ(test, k.family, 6);
	KUNIT_EXPECT_EQ(test, k.flags, ACL_KEY_UNPARSED);
	/* the same, a later fragment (offset 8) */
	v6[ETH_HLEN + 40] = IPPROTO_UDP;
	v6[ETH_HLEN + 43] = 8;
	skb = acl_frame(test, v6, ETH_HLEN + 56);
	acl_key_parse(skb, &k);
	kfree_skb(skb);
	KUNIT_EXPECT_EQ(test, k.family, 6);
	KUNIT_EXPECT_EQ(test, k.flags, 0);
	KUNIT_EXPECT_EQ(test, k.port_l, 0);

	skb = acl_frame(test, udp6, sizeof(udp6));
	acl_key_parse(skb, &k);
	kfree_skb(skb);
	KUNIT_EXPECT_EQ(test, k.family, 6);
	KUNIT_EXPECT_EQ(test, k.proto, IPPROTO_UDP);
	KUNIT_EXPECT_EQ(test, k.port_l, 53);
	KUNIT_EXPECT_EQ(test, k.port_r, 1234);
	KUNIT_EXPECT_EQ(test, k.ip_r[3], htonl(2));

	skb = acl_frame(test, arp, sizeof(arp));
	acl_key_parse(skb, &k);
	kfree_skb(skb);
	KUNIT_EXPECT_EQ(test, k.family, 0);
	KUNIT_EXPECT_TRUE(test, is_broadcast_ether_addr(k.mac_r));

	skb = acl_frame(test, arp, 8);
	acl_key_parse(skb, &k);
	kfree_skb(skb);
	KUNIT_EXPECT_TRUE(test, is_zero_ether_addr(k.mac_l));
}

/* --- sessions -------------------------------------------------------------- */

static bool flow_hit(struct acl_flows *flows, u16 port, const struct acl_key *k)
{
	bool hit;

	local_bh_disable();
	rcu_read_lock();
	hit = acl_flow_hit(flows, port, k);
	rcu_read_unlock();
	local_bh_enable();
	return hit;
}

static void flow_open(struct acl_flows *flows, u16 port, const struct acl_key *k,
		      struct acl_rule *rule)
{
	local_bh_disable();
	rcu_read_lock();
	acl_flow_open(flows, port, k, rule, ACL_OUT);
	rcu_read_unlock();
	local_bh_enable();
}

/* Make a session look idle for longer than its timeout. */
static bool flow_age(struct acl_flows *flows, u16 port, const struct acl_key *k)
{
	struct acl_flow_key fk;
	struct acl_flow *f;

	acl_flow_key(&fk, port, k);
	rcu_read_lock();
	f = rhashtable_lookup(&flows->table, &fk, acl_flow_params);
	if (f)
		WRITE_ONCE(f->last_used, jiffies - f->timeout - 1);
	rcu_read_unlock();
	return f;
}

static void acl_flows_life(struct kunit *test)
{
	struct hvnet_xacl_rule c = {
		.direction = HVNET_ACL_DIR_OUT, .action = HVNET_ACL_ACTION_ALLOW,
		.protocol = IPPROTO_TCP, .weight = 1, .flags = HVNET_XACL_F_STATEFUL,
		.idle_timeout = 30,
	};
	struct acl_test *t = test->priv;
	struct acl_flows *flows;
	struct acl_key k1, k2, k3;
	struct acl_rule *r;

	r = xacl(test, 1, &c);
	KUNIT_EXPECT_EQ(test, r->timeout, 30UL * HZ);
	flows = kunit_kzalloc(test, sizeof(*flows), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, flows);
	KUNIT_ASSERT_EQ(test, acl_flows_init(flows, 2), 0);
	t->flows = flows;
	k1 = key4(vm, IP4(10, 9, 0, 2), IPPROTO_TCP, 40000, 22);
	k2 = key4(vm, IP4(10, 9, 0, 3), IPPROTO_TCP, 40000, 22);
	k3 = key4(vm, IP4(10, 9, 0, 4), IPPROTO_TCP, 40000, 22);

	KUNIT_EXPECT_FALSE(test, flow_hit(flows, 1, &k1));
	flow_open(flows, 1, &k1, r);
	KUNIT_EXPECT_TRUE(test, flow_hit(flows, 1, &k1));
	/* keyed by port, addresses and ports */
	KUNIT_EXPECT_FALSE(test, flow_hit(flows, 2, &k1));
	KUNIT_EXPECT_FALSE(test, flow_hit(flows, 1, &k2));
	/* opening it again keeps one */
	flow_open(flows, 1, &k1, r);
	KUNIT_EXPECT_EQ(test, atomic_read(&flows->count), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&r->flows), 1);
	KUNIT_EXPECT_EQ(test, refcount_read(&r->ref), 2U);

	/* the limit: the third is refused and counted */
	flow_open(flows, 1, &k2, r);
	flow_open(flows, 1, &k3, r);
	KUNIT_EXPECT_EQ(test, atomic_read(&flows->count), 2);
	KUNIT_EXPECT_EQ(test, atomic64_read(&flows->refused), 1LL);
	KUNIT_EXPECT_FALSE(test, flow_hit(flows, 1, &k3));

	/* idle too long: gone at the next packet */
	KUNIT_ASSERT_TRUE(test, flow_age(flows, 1, &k2));
	KUNIT_EXPECT_FALSE(test, flow_hit(flows, 1, &k2));
	KUNIT_EXPECT_EQ(test, atomic_read(&flows->count), 1);

	/* the reaper takes expired sessions too */
	flow_open(flows, 1, &k3, r);
	KUNIT_ASSERT_TRUE(test, flow_age(flows, 1, &k3));
	acl_flows_remove_if(flows, acl_flow_stale, NULL);
	KUNIT_EXPECT_EQ(test, atomic_read(&flows->count), 1);
	KUNIT_EXPECT_TRUE(test, flow_hit(flows, 1, &k1));

	/* a deleted rule's sessions pass nothing */
	WRITE_ONCE(r->dead, true);
	KUNIT_EXPECT_FALSE(test, flow_hit(flows, 1, &k1));
	KUNIT_EXPECT_EQ(test, atomic_read(&flows->count), 0);
	flow_open(flows, 1, &k1, r);
	KUNIT_EXPECT_EQ(test, atomic_read(&flows->count), 0);
	WRITE_ONCE(r->dead, false);

	/* flushed with the port */
	flow_open(flows, 1, &k1, r);
	flow_open(flows, 2, &k1, r);
	acl_flows_flush(flows, 1, NULL);
	KUNIT_EXPECT_FALSE(test, flow_hit(flows, 1, &k1));
	KUNIT_EXPECT_TRUE(test, flow_hit(flows, 2, &k1));
	acl_flows_destroy(flows);
	t->flows = NULL;
	KUNIT_EXPECT_EQ(test, atomic_read(&r->flows), 0);
	KUNIT_EXPECT_EQ(test, refcount_read(&r->ref), 1U);
}

static struct kunit_case acl_cases[] = {
	KUNIT_CASE(acl_parse_errors),
	KUNIT_CASE(acl_port_precedence),
	KUNIT_CASE(acl_port_tie_across_types),
	KUNIT_CASE(acl_port_local_remote),
	KUNIT_CASE(acl_port_meters),
	KUNIT_CASE(acl_ext_weights),
	KUNIT_CASE(acl_dead_rules),
	KUNIT_CASE(acl_random_sets),
	KUNIT_CASE(acl_pkt_keys),
	KUNIT_CASE(acl_flows_life),
	{}
};

static void acl_suite_exit(struct kunit_suite *suite)
{
	/* rules are freed by RCU callbacks of this module */
	rcu_barrier();
}

static struct kunit_suite acl_suite = {
	.name = "vswitch_acl",
	.init = acl_test_init,
	.exit = acl_test_exit,
	.suite_exit = acl_suite_exit,
	.test_cases = acl_cases,
};

kunit_test_suites(&acl_suite);

MODULE_DESCRIPTION("KUnit: the acl extension's rules, classifier, keys and sessions");
MODULE_LICENSE("GPL");
