// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: a synthetic NIC's NVSP and RNDIS state machines driven the way
 * hv_netvsc drives them, through the bring-up of its probe, with a fake
 * bus underneath: packets the host sends are recorded, GPADLs are flat
 * buffers, guest frames an array. nvsp.c and rndis.c are built into this
 * module.
 */
#include <kunit/test.h>
#include <linux/vmalloc.h>

#include "netvsp_parse.c"
#include "nvsp.c"
#include "rndis.c"

/* --- the fake bus ------------------------------------------------------- */

#define FAKE_SENT_MAX	32
#define FAKE_PAYLOAD	256
#define FAKE_FRAMES	8

struct fake_sent {
	u16 type;
	u16 flags;
	u64 tid;
	u32 hdr_len;
	u32 len;
	u8 data[FAKE_PAYLOAD];
};

struct fake_gpadl {
	struct hvnet_gpadl g;
	u8 *buf;
};

static struct {
	struct fake_sent sent[FAKE_SENT_MAX];
	unsigned int nr_sent;
	int send_fail;			/* the next sends' error */
	unsigned int send_fail_nr;
	struct fake_gpadl gpadl[2];	/* receive, send */
	u8 frames[FAKE_FRAMES][HVNET_GPA_PAGE_SIZE];
	u16 offered[HVNET_NVSP_MAX_CHANNELS];
	unsigned int nr_offered;
	struct sk_buff_head rx;
} fake;

int hvnet_vmbus_send(struct hvnet_vmbus_chan *chan, u16 type, u16 flags, u64 trans_id,
		     u32 hdr_len, const struct kvec *iov, unsigned int nr)
{
	struct fake_sent *s;
	unsigned int i;

	if (fake.send_fail_nr) {
		fake.send_fail_nr--;
		return fake.send_fail;
	}
	if (fake.nr_sent >= FAKE_SENT_MAX)
		return -EAGAIN;
	s = &fake.sent[fake.nr_sent++];
	s->type = type;
	s->flags = flags;
	s->tid = trans_id;
	s->hdr_len = hdr_len;
	s->len = 0;
	for (i = 0; i < nr; i++) {
		u32 n = min_t(u32, iov[i].iov_len, FAKE_PAYLOAD - s->len);

		memcpy(s->data + s->len, iov[i].iov_base, n);
		s->len += iov[i].iov_len;
	}
	return 0;
}

struct hvnet_gpadl *hvnet_vmbus_gpadl_get(struct hvnet_vmbus_chan *chan, u32 handle)
{
	if (handle == 0x100)
		return &fake.gpadl[0].g;
	if (handle == 0x200)
		return &fake.gpadl[1].g;
	return NULL;
}

void hvnet_vmbus_gpadl_put(struct hvnet_gpadl *gpadl)
{
}

int hvnet_gpadl_read(const struct hvnet_gpadl *gpadl, u32 offset, void *dst, u32 len)
{
	const struct fake_gpadl *f = container_of(gpadl, struct fake_gpadl, g);

	if ((u64)offset + len > gpadl->size)
		return -EFAULT;
	memcpy(dst, f->buf + offset, len);
	return 0;
}

int hvnet_gpadl_write(const struct hvnet_gpadl *gpadl, u32 offset, const void *src, u32 len)
{
	const struct fake_gpadl *f = container_of(gpadl, struct fake_gpadl, g);

	if ((u64)offset + len > gpadl->size)
		return -EFAULT;
	memcpy(f->buf + offset, src, len);
	return 0;
}

int hvnet_vmbus_read_gpa(struct hvnet_vmbus_chan *chan, u64 pfn, u32 offset, void *dst,
			 u32 len)
{
	if (pfn >= FAKE_FRAMES || (u64)offset + len > HVNET_GPA_PAGE_SIZE)
		return -EFAULT;
	memcpy(dst, fake.frames[pfn] + offset, len);
	return 0;
}

struct hvnet_vmbus_chan *hvnet_vmbus_offer_sub(struct hvnet_vmbus_chan *primary, u16 index,
					       const struct hvnet_vmbus_chan_ops *ops,
					       void *priv)
{
	fake.offered[fake.nr_offered++] = index;
	return (struct hvnet_vmbus_chan *)(0x1000UL + index);
}

const struct hvnet_vmbus_chan_ops netvsp_chan_ops = {};

void netvsp_vmnic_from_guest(struct netvsp_chan *ch, struct sk_buff *skb)
{
	skb_queue_tail(&fake.rx, skb);
}

int netvsp_vmnic_gso(struct sk_buff *skb, u32 th, u32 mss, bool v6)
{
	return 0;
}

/* --- the guest's side ---------------------------------------------------- */

static void put32(u8 *p, u32 v)
{
	memcpy(p, &v, sizeof(v));
}

#define RECV_BUF_SIZE	(1728 * 64)
#define SEND_BUF_SIZE	(6144 * 4)

static int nvsp_init_test(struct kunit *test)
{
	struct netvsp_vmnic *nic;
	unsigned int i;

	memset(&fake, 0, sizeof(fake) - sizeof(fake.rx));
	skb_queue_head_init(&fake.rx);
	fake.gpadl[0].buf = vzalloc(RECV_BUF_SIZE);
	fake.gpadl[0].g.size = RECV_BUF_SIZE;
	fake.gpadl[1].buf = vzalloc(SEND_BUF_SIZE);
	fake.gpadl[1].g.size = SEND_BUF_SIZE;
	nic = kunit_kzalloc(test, sizeof(*nic), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, nic);
	KUNIT_ASSERT_NOT_NULL(test, fake.gpadl[0].buf);
	KUNIT_ASSERT_NOT_NULL(test, fake.gpadl[1].buf);
	spin_lock_init(&nic->buf_lock);
	INIT_LIST_HEAD(&nic->ctrl_q);
	nic->cfg.mtu = 1500;
	nic->cfg.queues = 4;
	nic->link_up = true;
	memcpy(nic->cfg.mac, "\x02\x00\x00\x00\x00\x01", ETH_ALEN);
	for (i = 0; i < ARRAY_SIZE(nic->chan); i++) {
		nic->chan[i].nic = nic;
		nic->chan[i].index = i;
	}
	nic->chan[0].vc = (struct hvnet_vmbus_chan *)0x1000UL;
	nic->chan[0].open = true;
	nic->chan[0].stage = vmalloc(NETVSP_STAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, nic->chan[0].stage);
	test->priv = nic;
	return 0;
}

static void nvsp_exit_test(struct kunit *test)
{
	struct netvsp_vmnic *nic = test->priv;

	netvsp_nvsp_reset(nic);
	vfree(nic->chan[0].stage);
	vfree(fake.gpadl[0].buf);
	vfree(fake.gpadl[1].buf);
	skb_queue_purge(&fake.rx);
}

/* An INBAND NVSP message as hv_netvsc sends it: 40 bytes, u32 fields */
static void guest_nvsp(struct netvsp_vmnic *nic, bool want, u64 tid, u32 type, u32 a, u32 b,
		       u32 c)
{
	u32 msg[HVNET_NVSP_MSG_SIZE / 4] = { type, a, b, c };
	struct hvnet_vmbus_pkt pkt = {
		.type = HVNET_VMPKT_DATA_INBAND,
		.flags = want ? HVNET_VMPKT_FLAG_COMPLETION_REQUESTED : 0,
		.trans_id = tid,
		.data = msg,
		.data_len = sizeof(msg),
	};

	netvsp_nvsp_packet(&nic->chan[0], &pkt);
}

/* An RNDIS control message by GPA direct: one range over frame 3 at 0x100 */
static void guest_rndis_ctrl(struct netvsp_vmnic *nic, u64 tid, const void *msg, u32 len)
{
	u32 nvsp[HVNET_NVSP_MSG_SIZE / 4] = {
		HVNET_NVSP_MSG1_SEND_RNDIS_PKT, HVNET_NVSP_CHANNEL_CONTROL,
		HVNET_NVSP_NO_SECTION, 0,
	};
	struct {
		u32 reserved, count, len, offset;
		u64 pfn;
	} __packed ranges = { 0, 1, len, 0x100, 3 };
	struct hvnet_vmbus_pkt pkt = {
		.type = HVNET_VMPKT_DATA_GPA_DIRECT,
		.flags = HVNET_VMPKT_FLAG_COMPLETION_REQUESTED,
		.trans_id = tid,
		.data = nvsp,
		.data_len = sizeof(nvsp),
		.ranges = &ranges,
		.ranges_len = sizeof(ranges),
	};

	memcpy(fake.frames[3] + 0x100, msg, len);
	netvsp_nvsp_packet(&nic->chan[0], &pkt);
}

static u32 sent32(const struct fake_sent *s, u32 off)
{
	u32 v;

	memcpy(&v, s->data + off, sizeof(v));
	return v;
}

/* The host's RNDIS message in the section an XFER_PAGES packet names */
static const u8 *xfer_msg(struct kunit *test, const struct fake_sent *s, u32 *len)
{
	KUNIT_EXPECT_EQ(test, s->type, (u16)HVNET_VMPKT_DATA_XFER_PAGES);
	KUNIT_EXPECT_EQ(test, s->hdr_len, 16U);
	KUNIT_EXPECT_EQ(test, s->data[0] | s->data[1] << 8, HVNET_NVSP_RECV_BUF_XFER_ID);
	KUNIT_EXPECT_EQ(test, sent32(s, 4), 1U);		/* one range */
	KUNIT_EXPECT_EQ(test, sent32(s, 16), (u32)HVNET_NVSP_MSG1_SEND_RNDIS_PKT);
	*len = sent32(s, 8);
	return fake.gpadl[0].buf + sent32(s, 12);
}

static void expect_rndis_complete(struct kunit *test, const struct fake_sent *s, u64 tid,
				  u32 status)
{
	KUNIT_EXPECT_EQ(test, s->type, (u16)HVNET_VMPKT_COMPLETION);
	KUNIT_EXPECT_EQ(test, s->tid, tid);
	KUNIT_EXPECT_EQ(test, s->len, 8U);
	KUNIT_EXPECT_EQ(test, sent32(s, 0), (u32)HVNET_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE);
	KUNIT_EXPECT_EQ(test, sent32(s, 4), status);
}

/* The guest's completion of an XFER_PAGES packet */
static void guest_xfer_done(struct netvsp_vmnic *nic, u64 tid)
{
	u32 msg[2] = { HVNET_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE, HVNET_NVSP_STAT_SUCCESS };
	struct hvnet_vmbus_pkt pkt = {
		.type = HVNET_VMPKT_COMPLETION,
		.trans_id = tid,
		.data = msg,
		.data_len = sizeof(msg),
	};

	netvsp_nvsp_packet(&nic->chan[0], &pkt);
}

/* §3.2 steps 2 to 5: versions, NDIS config and version, both buffers */
static void bring_up_nvsp(struct kunit *test, struct netvsp_vmnic *nic)
{
	struct fake_sent *s;

	/* a version the host does not know is refused, and still answered */
	guest_nvsp(nic, true, 7, HVNET_NVSP_MSG_INIT, 0x70000, 0x70000, 0);
	KUNIT_ASSERT_EQ(test, fake.nr_sent, 1U);
	s = &fake.sent[0];
	KUNIT_EXPECT_EQ(test, s->type, (u16)HVNET_VMPKT_COMPLETION);
	KUNIT_EXPECT_EQ(test, s->tid, 7ULL);
	KUNIT_EXPECT_EQ(test, s->len, 40U);
	KUNIT_EXPECT_EQ(test, sent32(s, 0), (u32)HVNET_NVSP_MSG_INIT_COMPLETE);
	KUNIT_EXPECT_EQ(test, sent32(s, 12), (u32)HVNET_NVSP_STAT_FAIL);

	guest_nvsp(nic, true, 8, HVNET_NVSP_MSG_INIT, HVNET_NVSP_VERSION_61,
		   HVNET_NVSP_VERSION_61, 0);
	KUNIT_ASSERT_EQ(test, fake.nr_sent, 2U);
	s = &fake.sent[1];
	KUNIT_EXPECT_EQ(test, s->len, 40U);
	KUNIT_EXPECT_EQ(test, s->tid, 8ULL);
	KUNIT_EXPECT_EQ(test, sent32(s, 4), (u32)HVNET_NVSP_VERSION_61);
	KUNIT_EXPECT_EQ(test, sent32(s, 12), (u32)HVNET_NVSP_STAT_SUCCESS);

	/* no completion asked, none given */
	guest_nvsp(nic, false, 0, HVNET_NVSP_MSG2_SEND_NDIS_CONFIG, 1514, 0, 0xAC);
	guest_nvsp(nic, false, 0, HVNET_NVSP_MSG1_SEND_NDIS_VER, 6, 30, 0);
	KUNIT_EXPECT_EQ(test, fake.nr_sent, 2U);
	KUNIT_EXPECT_EQ(test, nic->ndis_mtu, 1514U);

	guest_nvsp(nic, true, 9, HVNET_NVSP_MSG1_SEND_RECV_BUF, 0x100, 0xCAFE, 0);
	KUNIT_ASSERT_EQ(test, fake.nr_sent, 3U);
	s = &fake.sent[2];
	KUNIT_EXPECT_EQ(test, s->len, 40U);
	KUNIT_EXPECT_EQ(test, sent32(s, 0), (u32)HVNET_NVSP_MSG1_SEND_RECV_BUF_COMPLETE);
	KUNIT_EXPECT_EQ(test, sent32(s, 4), (u32)HVNET_NVSP_STAT_SUCCESS);
	KUNIT_EXPECT_EQ(test, sent32(s, 8), 1U);		/* one section */
	KUNIT_EXPECT_EQ(test, sent32(s, 12), 0U);		/* at offset 0 */
	KUNIT_EXPECT_EQ(test, sent32(s, 16), 1728U);
	KUNIT_EXPECT_EQ(test, sent32(s, 20), 64U);

	guest_nvsp(nic, true, 10, HVNET_NVSP_MSG1_SEND_SEND_BUF, 0x200, 0, 0);
	KUNIT_ASSERT_EQ(test, fake.nr_sent, 4U);
	s = &fake.sent[3];
	KUNIT_EXPECT_EQ(test, sent32(s, 0), (u32)HVNET_NVSP_MSG1_SEND_SEND_BUF_COMPLETE);
	KUNIT_EXPECT_EQ(test, sent32(s, 4), (u32)HVNET_NVSP_STAT_SUCCESS);
	KUNIT_EXPECT_EQ(test, sent32(s, 8), 6144U);

	/* a second receive buffer: a failure, answered */
	guest_nvsp(nic, true, 11, HVNET_NVSP_MSG1_SEND_RECV_BUF, 0x100, 0xCAFE, 0);
	KUNIT_ASSERT_EQ(test, fake.nr_sent, 5U);
	KUNIT_EXPECT_EQ(test, sent32(&fake.sent[4], 4), (u32)HVNET_NVSP_STAT_FAIL);
	fake.nr_sent = 0;
}

static void nvsp_bring_up(struct kunit *test)
{
	struct netvsp_vmnic *nic = test->priv;
	const u8 *m;
	u32 len, req[7];
	u8 query[28 + 4];
	s64 state;

	bring_up_nvsp(test, nic);

	/* RNDIS INITIALIZE {req 1, 1.0, 0x4000} */
	req[0] = HVNET_RNDIS_MSG_INIT;
	req[1] = 24;
	req[2] = 1;
	req[3] = 1;
	req[4] = 0;
	req[5] = 0x4000;
	guest_rndis_ctrl(nic, 20, req, 24);
	KUNIT_ASSERT_EQ(test, fake.nr_sent, 2U);
	m = xfer_msg(test, &fake.sent[0], &len);
	KUNIT_EXPECT_EQ(test, len, 52U);
	KUNIT_EXPECT_EQ(test, get32(m), HVNET_RNDIS_MSG_INIT | HVNET_RNDIS_MSG_COMPLETION);
	KUNIT_EXPECT_EQ(test, get32(m + 8), 1U);		/* req_id */
	KUNIT_EXPECT_EQ(test, get32(m + 12), 0U);		/* success */
	KUNIT_EXPECT_EQ(test, get32(m + 32), 8U);		/* max_pkt_per_msg */
	KUNIT_EXPECT_EQ(test, get32(m + 40), 3U);		/* alignment factor */
	expect_rndis_complete(test, &fake.sent[1], 20, HVNET_NVSP_STAT_SUCCESS);
	KUNIT_EXPECT_TRUE(test, test_bit(fake.sent[0].tid, nic->recv_map));
	guest_xfer_done(nic, fake.sent[0].tid);
	KUNIT_EXPECT_FALSE(test, test_bit(fake.sent[0].tid, nic->recv_map));
	/* twice: nothing to free, counted */
	state = atomic64_read(&nic->chan[0].drops[NETVSP_DROP_STATE]);
	guest_xfer_done(nic, fake.sent[0].tid);
	KUNIT_EXPECT_EQ(test, atomic64_read(&nic->chan[0].drops[NETVSP_DROP_STATE]), state + 1);
	fake.nr_sent = 0;

	/* QUERY of the offload capabilities, revision 3 asked */
	memset(query, 0, sizeof(query));
	put32(query, HVNET_RNDIS_MSG_QUERY);
	put32(query + 4, sizeof(query));
	put32(query + 8, 2);
	put32(query + 12, HVNET_RNDIS_OID_TCP_OFFLOAD_HW_CAPS);
	put32(query + 16, 4);
	put32(query + 20, 20);
	query[28] = HVNET_NDIS_OBJTYPE_OFFLOAD;
	query[29] = 3;
	query[30] = 156;
	guest_rndis_ctrl(nic, 21, query, sizeof(query));
	KUNIT_ASSERT_EQ(test, fake.nr_sent, 2U);
	m = xfer_msg(test, &fake.sent[0], &len);
	KUNIT_EXPECT_EQ(test, len, 8U + 16 + 156);
	KUNIT_EXPECT_EQ(test, get32(m + 8), 2U);
	KUNIT_EXPECT_EQ(test, get32(m + 12), 0U);
	KUNIT_EXPECT_EQ(test, get32(m + 16), 156U);		/* info_buflen */
	KUNIT_EXPECT_EQ(test, get32(m + 20), 16U);		/* info_buf_offset */
	KUNIT_EXPECT_EQ(test, m[24], HVNET_NDIS_OBJTYPE_OFFLOAD);
	KUNIT_EXPECT_EQ(test, m[25], 3);
	KUNIT_EXPECT_EQ(test, m[26] | m[27] << 8, 156);
	/* ip4_txcsum has TCP4 and TCP4OPT; LSOv2 v4 over 802.3 with a size */
	KUNIT_EXPECT_EQ(test, get32(m + 24 + 8) & 0x14, 0x14U);
	KUNIT_EXPECT_EQ(test, get32(m + 24 + 80) & 2, 2U);
	KUNIT_EXPECT_NE(test, get32(m + 24 + 84), 0U);
	guest_xfer_done(nic, fake.sent[0].tid);
	fake.nr_sent = 0;

	/* an unknown OID: not supported, empty, offset 16 */
	put32(query + 4, 28);
	put32(query + 12, 0x00020216);
	put32(query + 16, 0);
	guest_rndis_ctrl(nic, 22, query, 28);
	KUNIT_ASSERT_EQ(test, fake.nr_sent, 2U);
	m = xfer_msg(test, &fake.sent[0], &len);
	KUNIT_EXPECT_EQ(test, len, 24U);
	KUNIT_EXPECT_EQ(test, get32(m + 12), HVNET_RNDIS_STATUS_NOT_SUPPORTED);
	KUNIT_EXPECT_EQ(test, get32(m + 20), 16U);
	guest_xfer_done(nic, fake.sent[0].tid);
	fake.nr_sent = 0;

	/* SWITCH_DATA_PATH: a completion without payload */
	guest_nvsp(nic, true, 30, HVNET_NVSP_MSG4_SWITCH_DATA_PATH, 1, 0, 0);
	KUNIT_ASSERT_EQ(test, fake.nr_sent, 1U);
	KUNIT_EXPECT_EQ(test, fake.sent[0].type, (u16)HVNET_VMPKT_COMPLETION);
	KUNIT_EXPECT_EQ(test, fake.sent[0].len, 0U);
	KUNIT_EXPECT_TRUE(test, nic->datapath_vf);

	/* SUBCHANNEL for 7: 3 granted (4 queues), then offered 1..3 */
	guest_nvsp(nic, true, 31, HVNET_NVSP_MSG5_SUBCHANNEL, 1, 7, 0);
	KUNIT_ASSERT_EQ(test, fake.nr_sent, 2U);
	KUNIT_EXPECT_EQ(test, fake.sent[1].len, 40U);
	KUNIT_EXPECT_EQ(test, sent32(&fake.sent[1], 4), (u32)HVNET_NVSP_STAT_SUCCESS);
	KUNIT_EXPECT_EQ(test, sent32(&fake.sent[1], 8), 3U);
	KUNIT_ASSERT_EQ(test, fake.nr_offered, 3U);
	KUNIT_EXPECT_EQ(test, fake.offered[0], 1);
	KUNIT_EXPECT_EQ(test, fake.offered[2], 3);
}

static void nvsp_data_and_faults(struct kunit *test)
{
	struct netvsp_vmnic *nic = test->priv;
	u32 req[6] = { HVNET_RNDIS_MSG_INIT, 24, 1, 1, 0, 0x4000 };
	struct hvnet_vmbus_pkt pkt = {};
	u32 nvsp[HVNET_NVSP_MSG_SIZE / 4] = {};
	struct sk_buff *skb;
	u8 *sec;
	u32 i;

	bring_up_nvsp(test, nic);
	guest_rndis_ctrl(nic, 20, req, 24);
	guest_xfer_done(nic, fake.sent[0].tid);
	fake.nr_sent = 0;

	/* a data message in send section 2, with a VLAN PPI */
	sec = fake.gpadl[1].buf + 2 * 6144;
	put32(sec, HVNET_RNDIS_MSG_PACKET);
	put32(sec + 4, 8 + 36 + 16 + 60);
	put32(sec + 8, 36 + 16);
	put32(sec + 12, 60);
	put32(sec + 28, 36);
	put32(sec + 32, 16);
	put32(sec + 44, 16);
	put32(sec + 48, HVNET_RNDIS_PPI_IEEE8021Q);
	put32(sec + 52, 12);
	put32(sec + 56, 3 | (42 << HVNET_RNDIS_VLAN_VID_SHIFT));
	memset(sec + 60, 0xAB, 60);
	nvsp[0] = HVNET_NVSP_MSG1_SEND_RNDIS_PKT;
	nvsp[1] = HVNET_NVSP_CHANNEL_DATA;
	nvsp[2] = 2;
	nvsp[3] = 8 + 36 + 16 + 60;
	pkt.type = HVNET_VMPKT_DATA_INBAND;
	pkt.flags = HVNET_VMPKT_FLAG_COMPLETION_REQUESTED;
	pkt.trans_id = 40;
	pkt.data = nvsp;
	pkt.data_len = sizeof(nvsp);
	netvsp_nvsp_packet(&nic->chan[0], &pkt);
	KUNIT_ASSERT_EQ(test, fake.nr_sent, 1U);
	expect_rndis_complete(test, &fake.sent[0], 40, HVNET_NVSP_STAT_SUCCESS);
	skb = skb_dequeue(&fake.rx);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_EXPECT_EQ(test, skb->len, 60U);
	KUNIT_EXPECT_EQ(test, skb->data[0], 0xAB);
	KUNIT_EXPECT_TRUE(test, skb_vlan_tag_present(skb));
	KUNIT_EXPECT_EQ(test, skb_vlan_tag_get(skb), (u16)(3 << VLAN_PRIO_SHIFT | 42));
	kfree_skb(skb);

	/* its length past the section's bytes: refused, answered, counted */
	put32(sec + 4, 8 + 36 + 16 + 61);
	pkt.trans_id = 41;
	netvsp_nvsp_packet(&nic->chan[0], &pkt);
	KUNIT_ASSERT_EQ(test, fake.nr_sent, 2U);
	expect_rndis_complete(test, &fake.sent[1], 41, HVNET_NVSP_STAT_INVALID_RNDIS_PKT);
	KUNIT_EXPECT_EQ(test, atomic64_read(&nic->chan[0].drops[NETVSP_DROP_RNDIS]), 1LL);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&fake.rx), 0U);
	/* a section outside the send buffer */
	nvsp[2] = 4;
	pkt.trans_id = 42;
	netvsp_nvsp_packet(&nic->chan[0], &pkt);
	expect_rndis_complete(test, &fake.sent[2], 42, HVNET_NVSP_STAT_FAIL);
	KUNIT_EXPECT_EQ(test, atomic64_read(&nic->chan[0].drops[NETVSP_DROP_BUFFER]), 1LL);
	/* a malformed NVSP message still gets its completion */
	nvsp[1] = 9;
	pkt.trans_id = 43;
	netvsp_nvsp_packet(&nic->chan[0], &pkt);
	expect_rndis_complete(test, &fake.sent[3], 43, HVNET_NVSP_STAT_FAIL);
	KUNIT_EXPECT_EQ(test, atomic64_read(&nic->chan[0].drops[NETVSP_DROP_MALFORMED]), 1LL);
	fake.nr_sent = 0;

	/* the ring full for a completion: kept, then sent once */
	fake.send_fail = -EAGAIN;
	fake.send_fail_nr = 1;
	guest_nvsp(nic, true, 50, HVNET_NVSP_MSG4_SWITCH_DATA_PATH, 0, 0, 0);
	KUNIT_EXPECT_TRUE(test, nic->chan[0].comp_pending);
	KUNIT_EXPECT_EQ(test, netvsp_nvsp_flush_completion(&nic->chan[0]), 0);
	KUNIT_EXPECT_FALSE(test, nic->chan[0].comp_pending);
	KUNIT_ASSERT_EQ(test, fake.nr_sent, 1U);
	KUNIT_EXPECT_EQ(test, fake.sent[0].tid, 50ULL);
	fake.nr_sent = 0;

	/* every section held by the guest: an answer waits, then goes */
	spin_lock_bh(&nic->buf_lock);
	for (i = 0; i < nic->recv_sec_cnt; i++)
		__set_bit(i, nic->recv_map);
	spin_unlock_bh(&nic->buf_lock);
	req[0] = HVNET_RNDIS_MSG_KEEPALIVE;
	req[1] = 12;
	req[2] = 77;
	guest_rndis_ctrl(nic, 60, req, 12);
	KUNIT_ASSERT_EQ(test, fake.nr_sent, 1U);	/* only the 108 */
	KUNIT_EXPECT_EQ(test, nic->ctrl_q_len, 1U);
	guest_xfer_done(nic, 5);
	KUNIT_ASSERT_EQ(test, fake.nr_sent, 2U);
	KUNIT_EXPECT_EQ(test, nic->ctrl_q_len, 0U);
	KUNIT_EXPECT_EQ(test, fake.sent[1].tid, 5ULL);	/* the freed section */
	KUNIT_EXPECT_EQ(test, get32(fake.gpadl[0].buf + 5 * 1728),
			HVNET_RNDIS_MSG_KEEPALIVE | HVNET_RNDIS_MSG_COMPLETION);
	KUNIT_EXPECT_EQ(test, get32(fake.gpadl[0].buf + 5 * 1728 + 8), 77U);

	/* revoke: no buffer, nothing sent into it any more */
	guest_nvsp(nic, false, 0, HVNET_NVSP_MSG1_REVOKE_RECV_BUF, 0xCAFE, 0, 0);
	KUNIT_EXPECT_NULL(test, nic->recv);
	guest_rndis_ctrl(nic, 61, req, 12);
	expect_rndis_complete(test, &fake.sent[2], 61, HVNET_NVSP_STAT_FAIL);
}

static struct kunit_case nvsp_cases[] = {
	KUNIT_CASE(nvsp_bring_up),
	KUNIT_CASE(nvsp_data_and_faults),
	{}
};

static struct kunit_suite nvsp_suite = {
	.name = "netvsp_nvsp",
	.init = nvsp_init_test,
	.exit = nvsp_exit_test,
	.test_cases = nvsp_cases,
};

kunit_test_suite(nvsp_suite);

MODULE_DESCRIPTION("KUnit: NetVSP state machines against a fake bus");
MODULE_LICENSE("GPL");
