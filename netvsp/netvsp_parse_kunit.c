// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the NetVSP parsers against messages built the way Linux's
 * hv_netvsc builds them, and against every malformed form of each: short,
 * lengths past the end, offset + length overflowing, unaligned, repeated
 * and zero-sized PPIs, huge counts. The parser is built into this module.
 */
#include <kunit/test.h>
#include <linux/string.h>

#include "netvsp_parse.c"

#define EXPECT_PERR(test, got, want)					\
	KUNIT_EXPECT_STREQ(test, netvsp_perr_name(got), netvsp_perr_name(want))

static void put32(u8 *p, u32 v)
{
	memcpy(p, &v, sizeof(v));
}

static void put64(u8 *p, u64 v)
{
	memcpy(p, &v, sizeof(v));
}

/* --- NVSP ---------------------------------------------------------------- */

/* A 40-byte message as the guest sends it: type, then u32 fields. */
static void nvsp_msg(u8 *buf, u32 type, u32 a, u32 b, u32 c)
{
	memset(buf, 0, HVNET_NVSP_MSG_SIZE);
	put32(buf, type);
	put32(buf + 4, a);
	put32(buf + 8, b);
	put32(buf + 12, c);
}

static void nvsp_well_formed(struct kunit *test)
{
	static const u32 vers[] = {
		HVNET_NVSP_VERSION_61, HVNET_NVSP_VERSION_6, HVNET_NVSP_VERSION_5,
		HVNET_NVSP_VERSION_4, HVNET_NVSP_VERSION_2, HVNET_NVSP_VERSION_1,
	};
	struct hvnet_nvsp_msg m;
	u8 buf[HVNET_NVSP_MSG_SIZE];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(vers); i++) {
		nvsp_msg(buf, HVNET_NVSP_MSG_INIT, vers[i], vers[i], 0);
		KUNIT_EXPECT_EQ(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), 0);
		KUNIT_EXPECT_EQ(test, m.init.max_protocol_ver, vers[i]);
	}

	nvsp_msg(buf, HVNET_NVSP_MSG2_SEND_NDIS_CONFIG, 1514, 0, 0xAC);
	KUNIT_EXPECT_EQ(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), 0);
	KUNIT_EXPECT_EQ(test, m.ndis_config.mtu, 1514U);
	KUNIT_EXPECT_EQ(test, m.ndis_config.capabilities, 0xACULL);

	nvsp_msg(buf, HVNET_NVSP_MSG1_SEND_NDIS_VER, 6, 30, 0);
	KUNIT_EXPECT_EQ(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), 0);
	KUNIT_EXPECT_EQ(test, m.ndis_ver.minor, 30U);

	nvsp_msg(buf, HVNET_NVSP_MSG1_SEND_RECV_BUF, 0xE1E10, 0xCAFE, 0);
	KUNIT_EXPECT_EQ(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), 0);
	KUNIT_EXPECT_EQ(test, m.send_buf.gpadl_handle, 0xE1E10U);
	KUNIT_EXPECT_EQ(test, m.send_buf.id, 0xCAFE);

	nvsp_msg(buf, HVNET_NVSP_MSG1_SEND_SEND_BUF, 0xE1E11, 0, 0);
	KUNIT_EXPECT_EQ(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), 0);

	nvsp_msg(buf, HVNET_NVSP_MSG1_REVOKE_RECV_BUF, 0xCAFE, 0, 0);
	KUNIT_EXPECT_EQ(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), 0);
	KUNIT_EXPECT_EQ(test, m.revoke_buf.id, 0xCAFE);
	nvsp_msg(buf, HVNET_NVSP_MSG1_REVOKE_SEND_BUF, 0, 0, 0);
	KUNIT_EXPECT_EQ(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), 0);

	/* data in section 5, a control message by GPA direct */
	nvsp_msg(buf, HVNET_NVSP_MSG1_SEND_RNDIS_PKT, 0, 5, 1100);
	KUNIT_EXPECT_EQ(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), 0);
	KUNIT_EXPECT_EQ(test, m.rndis_pkt.send_buf_section_index, 5U);
	KUNIT_EXPECT_EQ(test, m.rndis_pkt.send_buf_section_size, 1100U);
	nvsp_msg(buf, HVNET_NVSP_MSG1_SEND_RNDIS_PKT, 1, HVNET_NVSP_NO_SECTION, 0);
	KUNIT_EXPECT_EQ(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), 0);
	KUNIT_EXPECT_EQ(test, m.rndis_pkt.channel_type, 1U);

	/* the guest's receive completion is 8 bytes, not 40 */
	nvsp_msg(buf, HVNET_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE, 1, 0, 0);
	KUNIT_EXPECT_EQ(test, netvsp_parse_nvsp(buf, 8, &m), 0);
	KUNIT_EXPECT_EQ(test, m.rndis_pkt_complete.status, 1U);

	nvsp_msg(buf, HVNET_NVSP_MSG4_SWITCH_DATA_PATH, 1, 0, 0);
	KUNIT_EXPECT_EQ(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), 0);
	nvsp_msg(buf, HVNET_NVSP_MSG5_SUBCHANNEL, 1, 15, 0);
	KUNIT_EXPECT_EQ(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), 0);
	KUNIT_EXPECT_EQ(test, m.subchannel.num_subchannels, 15U);
	nvsp_msg(buf, HVNET_NVSP_MSG5_SUBCHANNEL, 1, 63, 0);
	KUNIT_EXPECT_EQ(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), 0);
}

static void nvsp_malformed(struct kunit *test)
{
	struct hvnet_nvsp_msg m;
	u8 buf[HVNET_NVSP_MSG_SIZE];
	unsigned int len;

	nvsp_msg(buf, HVNET_NVSP_MSG_INIT, 0x60001, 0x60001, 0);
	for (len = 0; len < 4; len++)
		EXPECT_PERR(test, netvsp_parse_nvsp(buf, len, &m), -NETVSP_PERR_SHORT);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, 11, &m), -NETVSP_PERR_SHORT);
	nvsp_msg(buf, HVNET_NVSP_MSG_INIT, 0x60001, 0x2, 0);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), -NETVSP_PERR_FIELD);

	nvsp_msg(buf, HVNET_NVSP_MSG2_SEND_NDIS_CONFIG, 1514, 0, 0);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, 19, &m), -NETVSP_PERR_SHORT);
	nvsp_msg(buf, HVNET_NVSP_MSG1_SEND_RECV_BUF, 0, 0xCAFE, 0);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), -NETVSP_PERR_FIELD);
	nvsp_msg(buf, HVNET_NVSP_MSG1_SEND_SEND_BUF, 7, 0, 0);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, 9, &m), -NETVSP_PERR_SHORT);
	nvsp_msg(buf, HVNET_NVSP_MSG1_REVOKE_SEND_BUF, 0, 0, 0);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, 5, &m), -NETVSP_PERR_SHORT);

	nvsp_msg(buf, HVNET_NVSP_MSG1_SEND_RNDIS_PKT, 2, 0, 100);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), -NETVSP_PERR_FIELD);
	nvsp_msg(buf, HVNET_NVSP_MSG1_SEND_RNDIS_PKT, 0, HVNET_NVSP_NO_SECTION, 100);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), -NETVSP_PERR_FIELD);
	nvsp_msg(buf, HVNET_NVSP_MSG1_SEND_RNDIS_PKT, 0, 3, 0);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), -NETVSP_PERR_FIELD);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, 15, &m), -NETVSP_PERR_SHORT);
	nvsp_msg(buf, HVNET_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE, 1, 0, 0);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, 7, &m), -NETVSP_PERR_SHORT);

	nvsp_msg(buf, HVNET_NVSP_MSG4_SWITCH_DATA_PATH, 2, 0, 0);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), -NETVSP_PERR_FIELD);
	nvsp_msg(buf, HVNET_NVSP_MSG5_SUBCHANNEL, 1, 0, 0);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), -NETVSP_PERR_FIELD);
	nvsp_msg(buf, HVNET_NVSP_MSG5_SUBCHANNEL, 1, 64, 0);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), -NETVSP_PERR_FIELD);
	nvsp_msg(buf, HVNET_NVSP_MSG5_SUBCHANNEL, 1, 0xFFFFFFFF, 0);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), -NETVSP_PERR_FIELD);
	nvsp_msg(buf, HVNET_NVSP_MSG5_SUBCHANNEL, 2, 4, 0);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), -NETVSP_PERR_FIELD);

	/* what only the host sends, what the host does not serve, unknown */
	nvsp_msg(buf, HVNET_NVSP_MSG_INIT_COMPLETE, 0x60001, 0, 1);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), -NETVSP_PERR_TYPE);
	nvsp_msg(buf, HVNET_NVSP_MSG4_VF_ASSOCIATION, 1, 1, 0);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), -NETVSP_PERR_TYPE);
	nvsp_msg(buf, HVNET_NVSP_MSG5_SEND_INDIRECTION_TABLE, 16, 40, 0);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), -NETVSP_PERR_TYPE);
	nvsp_msg(buf, HVNET_NVSP_MSG5_OID_QUERY_EX, 0, 0, 0);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), -NETVSP_PERR_UNSUPPORTED);
	nvsp_msg(buf, HVNET_NVSP_MSG6_PD_POST_BATCH, 0, 0, 0);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), -NETVSP_PERR_UNSUPPORTED);
	nvsp_msg(buf, 0, 0, 0, 0);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), -NETVSP_PERR_TYPE);
	nvsp_msg(buf, 0xFFFFFFFF, 0, 0, 0);
	EXPECT_PERR(test, netvsp_parse_nvsp(buf, sizeof(buf), &m), -NETVSP_PERR_TYPE);
}

/* --- RNDIS control messages ------------------------------------------------ */

/* QUERY or SET as rndis_filter builds it: offset 20, @ilen bytes of info */
static u32 rndis_oid_msg(u8 *buf, u32 type, u32 req_id, u32 oid, u32 ilen)
{
	u32 len = 8 + sizeof(struct hvnet_rndis_oid_req) + ilen;

	memset(buf, 0, len);
	put32(buf, type);
	put32(buf + 4, len);
	put32(buf + 8, req_id);
	put32(buf + 12, oid);
	put32(buf + 16, ilen);
	put32(buf + 20, sizeof(struct hvnet_rndis_oid_req));
	return len;
}

static void rndis_control(struct kunit *test)
{
	struct netvsp_rndis_msg m;
	u8 buf[256];
	u32 len;

	/* INITIALIZE {req 1, 1.0, 0x4000} */
	memset(buf, 0, sizeof(buf));
	put32(buf, HVNET_RNDIS_MSG_INIT);
	put32(buf + 4, 24);
	put32(buf + 8, 1);
	put32(buf + 12, 1);
	put32(buf + 16, 0);
	put32(buf + 20, 0x4000);
	KUNIT_EXPECT_EQ(test, netvsp_parse_rndis(buf, 24, &m), 0);
	KUNIT_EXPECT_EQ(test, m.req_id, 1U);
	KUNIT_EXPECT_EQ(test, m.init.major, 1U);
	KUNIT_EXPECT_EQ(test, m.init.max_xfer_size, 0x4000U);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, 23, &m), -NETVSP_PERR_RNDIS_LEN);
	put32(buf + 4, 23);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, 24, &m), -NETVSP_PERR_RNDIS_LEN);

	/* QUERY without a buffer, then the hwcaps query with its header */
	len = rndis_oid_msg(buf, HVNET_RNDIS_MSG_QUERY, 2,
			    HVNET_RNDIS_OID_802_3_PERMANENT_ADDRESS, 0);
	KUNIT_EXPECT_EQ(test, len, 28U);
	KUNIT_EXPECT_EQ(test, netvsp_parse_rndis(buf, len, &m), 0);
	KUNIT_EXPECT_EQ(test, m.oid.oid, HVNET_RNDIS_OID_802_3_PERMANENT_ADDRESS);
	KUNIT_EXPECT_EQ(test, m.oid.info_len, 0U);
	len = rndis_oid_msg(buf, HVNET_RNDIS_MSG_QUERY, 3,
			    HVNET_RNDIS_OID_TCP_OFFLOAD_HW_CAPS, 4);
	KUNIT_EXPECT_EQ(test, netvsp_parse_rndis(buf, len, &m), 0);
	KUNIT_EXPECT_EQ(test, m.oid.info_off, 28U);
	KUNIT_EXPECT_EQ(test, m.oid.info_len, 4U);

	/* SET of the packet filter; of RSS parameters (40 + 4*128 + 40) */
	len = rndis_oid_msg(buf, HVNET_RNDIS_MSG_SET, 4,
			    HVNET_RNDIS_OID_GEN_CURRENT_PACKET_FILTER, 4);
	put32(buf + 28, 0xD);
	KUNIT_EXPECT_EQ(test, netvsp_parse_rndis(buf, len, &m), 0);
	KUNIT_EXPECT_EQ(test, m.type, (u32)HVNET_RNDIS_MSG_SET);
	KUNIT_EXPECT_EQ(test, get32(buf + m.oid.info_off), 0xDU);

	/* the buffer past the end, its offset + length overflowing, inside the header */
	put32(buf + 16, 5);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, len, &m), -NETVSP_PERR_INFO_BUF);
	put32(buf + 16, 0x20);
	put32(buf + 20, 0xFFFFFFF0);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, len, &m), -NETVSP_PERR_INFO_BUF);
	put32(buf + 16, 4);
	put32(buf + 20, 16);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, len, &m), -NETVSP_PERR_INFO_BUF);
	put32(buf + 16, 0xFFFFFFFF);
	put32(buf + 20, 20);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, len, &m), -NETVSP_PERR_INFO_BUF);
	/* the message longer than the bytes there, shorter than a request */
	len = rndis_oid_msg(buf, HVNET_RNDIS_MSG_SET, 4,
			    HVNET_RNDIS_OID_GEN_CURRENT_PACKET_FILTER, 4);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, len - 1, &m), -NETVSP_PERR_RNDIS_LEN);
	put32(buf + 4, 27);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, len, &m), -NETVSP_PERR_RNDIS_LEN);

	/* HALT, RESET, KEEPALIVE */
	memset(buf, 0, 12);
	put32(buf, HVNET_RNDIS_MSG_HALT);
	put32(buf + 4, 12);
	put32(buf + 8, 9);
	KUNIT_EXPECT_EQ(test, netvsp_parse_rndis(buf, 12, &m), 0);
	KUNIT_EXPECT_EQ(test, m.req_id, 9U);
	put32(buf, HVNET_RNDIS_MSG_KEEPALIVE);
	KUNIT_EXPECT_EQ(test, netvsp_parse_rndis(buf, 12, &m), 0);
	put32(buf, HVNET_RNDIS_MSG_RESET);
	KUNIT_EXPECT_EQ(test, netvsp_parse_rndis(buf, 12, &m), 0);
	put32(buf + 4, 8);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, 12, &m), -NETVSP_PERR_RNDIS_LEN);

	/* header short; zero length; what only the host sends; unknown */
	EXPECT_PERR(test, netvsp_parse_rndis(buf, 7, &m), -NETVSP_PERR_SHORT);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, 0, &m), -NETVSP_PERR_SHORT);
	put32(buf, HVNET_RNDIS_MSG_HALT);
	put32(buf + 4, 0);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, 12, &m), -NETVSP_PERR_RNDIS_LEN);
	put32(buf + 4, 12);
	put32(buf, HVNET_RNDIS_MSG_INDICATE);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, 12, &m), -NETVSP_PERR_TYPE);
	put32(buf, HVNET_RNDIS_MSG_INIT | HVNET_RNDIS_MSG_COMPLETION);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, 12, &m), -NETVSP_PERR_TYPE);
	put32(buf, 0);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, 12, &m), -NETVSP_PERR_TYPE);
	put32(buf, 9);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, 12, &m), -NETVSP_PERR_TYPE);
}

/* --- RNDIS PACKET ---------------------------------------------------------- */

struct ppi_spec {
	u32 type;
	u32 value;
};

/*
 * A data message as netvsc_xmit() builds it: header, rndis_packet with
 * data_offset = 36 + PPIs and ppi_offset = 36, 16-byte PPIs, the frame.
 * Return: its length.
 */
static u32 rndis_pkt_msg(u8 *buf, const struct ppi_spec *ppis, unsigned int n,
			 u32 frame_len)
{
	u32 ppi_len = n * HVNET_RNDIS_PPI_SIZE;
	u32 len = 8 + 36 + ppi_len + frame_len;
	unsigned int i;
	u8 *p;

	memset(buf, 0, len);
	put32(buf, HVNET_RNDIS_MSG_PACKET);
	put32(buf + 4, len);
	put32(buf + 8, 36 + ppi_len);		/* data_offset */
	put32(buf + 12, frame_len);		/* data_len */
	put32(buf + 28, n ? 36 : 0);		/* ppi_offset */
	put32(buf + 32, ppi_len);		/* ppi_len */
	for (i = 0, p = buf + 44; i < n; i++, p += HVNET_RNDIS_PPI_SIZE) {
		put32(p, HVNET_RNDIS_PPI_SIZE);
		put32(p + 4, ppis[i].type);
		put32(p + 8, 12);
		put32(p + 12, ppis[i].value);
	}
	memset(p, 0xEE, frame_len);
	return len;
}

#define CSUM_TCP4(th)	(HVNET_RNDIS_CSUM_TX_IPV4 | HVNET_RNDIS_CSUM_TX_TCP | \
			 ((th) << HVNET_RNDIS_CSUM_TX_TH_SHIFT))
#define LSO4(mss, th)	((mss) | ((th) << HVNET_RNDIS_LSO_TH_SHIFT) | HVNET_RNDIS_LSO_V2)

static void rndis_packet_well_formed(struct kunit *test)
{
	static const struct ppi_spec all[] = {
		{ HVNET_RNDIS_PPI_HASH_VALUE, 0x12345678 },
		{ HVNET_RNDIS_PPI_IEEE8021Q, 5 | (100 << HVNET_RNDIS_VLAN_VID_SHIFT) },
		{ HVNET_RNDIS_PPI_LSO, LSO4(1448, 34) },
	};
	static const struct ppi_spec csum[] = {
		{ HVNET_RNDIS_PPI_CHECKSUM, CSUM_TCP4(34) },
	};
	static const struct ppi_spec internal[] = {
		{ 1 | HVNET_RNDIS_PPI_INTERNAL, 0x10001 },
		{ 11, 0 },
	};
	struct netvsp_rndis_msg m;
	static u8 buf[2048];
	u32 len, next;

	len = rndis_pkt_msg(buf, NULL, 0, 60);
	KUNIT_EXPECT_EQ(test, len, 104U);
	KUNIT_EXPECT_EQ(test, netvsp_parse_rndis(buf, len, &m), 0);
	KUNIT_EXPECT_EQ(test, m.pkt.data_off, 44U);
	KUNIT_EXPECT_EQ(test, m.pkt.data_len, 60U);
	KUNIT_EXPECT_EQ(test, m.pkt.present, 0U);

	len = rndis_pkt_msg(buf, all, ARRAY_SIZE(all), 1514);
	KUNIT_EXPECT_EQ(test, netvsp_parse_rndis(buf, len, &m), 0);
	KUNIT_EXPECT_EQ(test, m.pkt.data_off, 44U + 48);
	KUNIT_EXPECT_EQ(test, m.pkt.nr_ppis, 3U);
	KUNIT_EXPECT_EQ(test, m.pkt.present, (u32)(BIT(HVNET_RNDIS_PPI_HASH_VALUE) |
						   BIT(HVNET_RNDIS_PPI_IEEE8021Q) |
						   BIT(HVNET_RNDIS_PPI_LSO)));
	KUNIT_EXPECT_EQ(test, m.pkt.hash, 0x12345678U);
	KUNIT_EXPECT_EQ(test, m.pkt.vlan, all[1].value);
	KUNIT_EXPECT_EQ(test, m.pkt.lso, all[2].value);

	len = rndis_pkt_msg(buf, csum, 1, 100);
	KUNIT_EXPECT_EQ(test, netvsp_parse_rndis(buf, len, &m), 0);
	KUNIT_EXPECT_EQ(test, m.pkt.csum, csum[0].value);

	/* types the host does not use are walked over */
	len = rndis_pkt_msg(buf, internal, 2, 64);
	KUNIT_EXPECT_EQ(test, netvsp_parse_rndis(buf, len, &m), 0);
	KUNIT_EXPECT_EQ(test, m.pkt.nr_ppis, 2U);
	KUNIT_EXPECT_EQ(test, m.pkt.present, 0U);

	/* a batch: the first message padded to 8, the next after it */
	len = rndis_pkt_msg(buf, NULL, 0, 61);
	put32(buf + 4, 112);
	next = rndis_pkt_msg(buf + 112, csum, 1, 70);
	KUNIT_EXPECT_EQ(test, netvsp_parse_rndis(buf, 112 + next, &m), 0);
	KUNIT_EXPECT_EQ(test, m.len, 112U);
	KUNIT_EXPECT_EQ(test, netvsp_parse_rndis(buf + m.len, next, &m), 0);
	KUNIT_EXPECT_EQ(test, m.pkt.data_len, 70U);
}

/* Rewrite one u32 of a message and expect @want */
static void expect_pkt(struct kunit *test, u8 *buf, u32 len, u32 at, u32 v, int want)
{
	struct netvsp_rndis_msg m;
	u32 old = get32(buf + at);

	put32(buf + at, v);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, len, &m), want);
	put32(buf + at, old);
}

static void rndis_packet_malformed(struct kunit *test)
{
	static const struct ppi_spec two[] = {
		{ HVNET_RNDIS_PPI_IEEE8021Q, 1 << HVNET_RNDIS_VLAN_VID_SHIFT },
		{ HVNET_RNDIS_PPI_HASH_VALUE, 7 },
	};
	struct ppi_spec many[NETVSP_PPI_MAX + 1];
	struct netvsp_rndis_msg m;
	static u8 buf[2048];
	unsigned int i;
	u32 len;

	len = rndis_pkt_msg(buf, two, 2, 100);	/* PPIs at 44 and 60, frame at 76 */
	KUNIT_ASSERT_EQ(test, netvsp_parse_rndis(buf, len, &m), 0);

	/* shorter than a PACKET */
	expect_pkt(test, buf, len, 4, 43, -NETVSP_PERR_RNDIS_LEN);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, 43, &m), -NETVSP_PERR_RNDIS_LEN);
	/* the frame: past the end, overflowing, inside the header, too short */
	expect_pkt(test, buf, len, 12, 101, -NETVSP_PERR_DATA);
	expect_pkt(test, buf, len, 12, 0xFFFFFFFF, -NETVSP_PERR_DATA);
	expect_pkt(test, buf, len, 8, 0xFFFFFFC0, -NETVSP_PERR_DATA);
	expect_pkt(test, buf, len, 8, 35, -NETVSP_PERR_DATA);
	expect_pkt(test, buf, len, 12, 13, -NETVSP_PERR_DATA);
	expect_pkt(test, buf, len, 12, 0, -NETVSP_PERR_DATA);
	/* the PPI area: past the end, overflowing, inside the header */
	expect_pkt(test, buf, len, 32, len, -NETVSP_PERR_PPI_AREA);
	expect_pkt(test, buf, len, 28, 0xFFFFFFF0, -NETVSP_PERR_PPI_AREA);
	expect_pkt(test, buf, len, 28, 0, -NETVSP_PERR_PPI_AREA);
	/* an area shorter than a PPI header */
	expect_pkt(test, buf, len, 32, 8, -NETVSP_PERR_PPI_SIZE);
	/* a PPI: size 0 (would never advance), below its header, past the area */
	expect_pkt(test, buf, len, 44, 0, -NETVSP_PERR_PPI_SIZE);
	expect_pkt(test, buf, len, 44, 11, -NETVSP_PERR_PPI_SIZE);
	expect_pkt(test, buf, len, 60, 17, -NETVSP_PERR_PPI_SIZE);
	expect_pkt(test, buf, len, 60, 0xFFFFFFF4, -NETVSP_PERR_PPI_SIZE);
	/* the area ends inside the second PPI */
	expect_pkt(test, buf, len, 32, 24, -NETVSP_PERR_PPI_SIZE);
	/* unaligned size */
	expect_pkt(test, buf, len, 44, 14, -NETVSP_PERR_PPI_ALIGN);
	/* data offset inside the header, past the PPI, no room for the value */
	expect_pkt(test, buf, len, 52, 0, -NETVSP_PERR_PPI_OFFSET);
	expect_pkt(test, buf, len, 52, 20, -NETVSP_PERR_PPI_OFFSET);
	expect_pkt(test, buf, len, 52, 16, -NETVSP_PERR_PPI_OFFSET);
	/* the same PPI twice (what a loop back to it would be) */
	expect_pkt(test, buf, len, 64, HVNET_RNDIS_PPI_IEEE8021Q, -NETVSP_PERR_PPI_DUP);

	/* more PPIs than any guest sends */
	for (i = 0; i < ARRAY_SIZE(many); i++) {
		many[i].type = 20 + i;
		many[i].value = 0;
	}
	len = rndis_pkt_msg(buf, many, NETVSP_PPI_MAX, 64);
	KUNIT_EXPECT_EQ(test, netvsp_parse_rndis(buf, len, &m), 0);
	len = rndis_pkt_msg(buf, many, ARRAY_SIZE(many), 64);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, len, &m), -NETVSP_PERR_PPI_COUNT);
}

static void rndis_packet_ppi_values(struct kunit *test)
{
	struct netvsp_rndis_msg m;
	struct ppi_spec p;
	static u8 buf[256];
	u32 len;

	p.type = HVNET_RNDIS_PPI_LSO;
	p.value = LSO4(0, 34);			/* no MSS */
	len = rndis_pkt_msg(buf, &p, 1, 100);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, len, &m), -NETVSP_PERR_PPI_VALUE);
	p.value = 1448 | (34 << HVNET_RNDIS_LSO_TH_SHIFT);	/* not LSO v2 */
	len = rndis_pkt_msg(buf, &p, 1, 100);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, len, &m), -NETVSP_PERR_PPI_VALUE);
	p.value = LSO4(1448, 90);		/* TCP header past the frame */
	len = rndis_pkt_msg(buf, &p, 1, 100);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, len, &m), -NETVSP_PERR_PPI_VALUE);
	p.value = LSO4(1448, 80);		/* exactly fits */
	len = rndis_pkt_msg(buf, &p, 1, 100);
	KUNIT_EXPECT_EQ(test, netvsp_parse_rndis(buf, len, &m), 0);
	p.value = LSO4(1448, 4);		/* inside the Ethernet header */
	len = rndis_pkt_msg(buf, &p, 1, 100);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, len, &m), -NETVSP_PERR_PPI_VALUE);

	p.type = HVNET_RNDIS_PPI_CHECKSUM;
	p.value = CSUM_TCP4(34) | HVNET_RNDIS_CSUM_TX_UDP;
	len = rndis_pkt_msg(buf, &p, 1, 100);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, len, &m), -NETVSP_PERR_PPI_VALUE);
	p.value = CSUM_TCP4(34) | HVNET_RNDIS_CSUM_TX_IPV6;
	len = rndis_pkt_msg(buf, &p, 1, 100);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, len, &m), -NETVSP_PERR_PPI_VALUE);
	p.value = HVNET_RNDIS_CSUM_TX_TCP | (34 << HVNET_RNDIS_CSUM_TX_TH_SHIFT);
	len = rndis_pkt_msg(buf, &p, 1, 100);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, len, &m), -NETVSP_PERR_PPI_VALUE);
	p.value = CSUM_TCP4(1000);
	len = rndis_pkt_msg(buf, &p, 1, 100);
	EXPECT_PERR(test, netvsp_parse_rndis(buf, len, &m), -NETVSP_PERR_PPI_VALUE);
	p.value = HVNET_RNDIS_CSUM_TX_IPV6 | HVNET_RNDIS_CSUM_TX_UDP |
		  (54 << HVNET_RNDIS_CSUM_TX_TH_SHIFT);	/* UDP header fits at 92 */
	len = rndis_pkt_msg(buf, &p, 1, 62);
	KUNIT_EXPECT_EQ(test, netvsp_parse_rndis(buf, len, &m), 0);
}

/* --- GPA_DIRECT ranges ----------------------------------------------------- */

/* Append a range at @p with @n frames starting at @pfn; return the new end. */
static u32 gpa_range(u8 *a, u32 p, u32 len, u32 off, u32 n, u64 pfn)
{
	u32 i;

	put32(a + p, len);
	put32(a + p + 4, off);
	p += 8;
	for (i = 0; i < n; i++, p += 8)
		put64(a + p, pfn + i);
	return p;
}

static void gpa_well_formed(struct kunit *test)
{
	struct netvsp_gpa *g = kunit_kzalloc(test, sizeof(*g), GFP_KERNEL);
	static u8 a[1024];
	u32 p;

	KUNIT_ASSERT_NOT_NULL(test, g);
	/* the RNDIS header, an empty linear part, a frag across a page */
	memset(a, 0, sizeof(a));
	put32(a + 4, 3);
	p = gpa_range(a, 8, 92, 0x7c0, 1, 0x1000);
	p = gpa_range(a, p, 0, 0, 0, 0);
	p = gpa_range(a, p, 1400, 4000, 2, 0x2000);
	KUNIT_EXPECT_EQ(test, netvsp_parse_gpa(a, p, g), 0);
	KUNIT_EXPECT_EQ(test, g->nr_ranges, 3U);
	KUNIT_EXPECT_EQ(test, g->nr_pfns, 3U);
	KUNIT_EXPECT_EQ(test, g->total_len, 92U + 1400);
	KUNIT_EXPECT_EQ(test, g->range[2].first_pfn, 1U);
	KUNIT_EXPECT_EQ(test, g->range[2].offset, 4000U);
	KUNIT_EXPECT_EQ(test, g->pfn[2], 0x2001ULL);

	/* a control message: one range; an empty range at an offset names a frame */
	put32(a + 4, 1);
	p = gpa_range(a, 8, 0, 100, 1, 0x3000);
	KUNIT_EXPECT_EQ(test, netvsp_parse_gpa(a, p, g), 0);
	KUNIT_EXPECT_EQ(test, g->nr_pfns, 1U);

	/* 32 frames in one range, all of them used */
	p = gpa_range(a, 8, 32 * 4096, 0, 32, 0x4000);
	KUNIT_EXPECT_EQ(test, netvsp_parse_gpa(a, p, g), 0);
	KUNIT_EXPECT_EQ(test, g->nr_pfns, 32U);
}

static void gpa_malformed(struct kunit *test)
{
	struct netvsp_gpa *g = kunit_kzalloc(test, sizeof(*g), GFP_KERNEL);
	static u8 a[1024];
	u32 p, i;

	KUNIT_ASSERT_NOT_NULL(test, g);
	memset(a, 0, sizeof(a));
	EXPECT_PERR(test, netvsp_parse_gpa(a, 7, g), -NETVSP_PERR_GPA_AREA);
	EXPECT_PERR(test, netvsp_parse_gpa(a, 8, g), -NETVSP_PERR_GPA_COUNT);
	put32(a + 4, 33);
	EXPECT_PERR(test, netvsp_parse_gpa(a, sizeof(a), g), -NETVSP_PERR_GPA_COUNT);
	put32(a + 4, 0xFFFFFFFF);
	EXPECT_PERR(test, netvsp_parse_gpa(a, sizeof(a), g), -NETVSP_PERR_GPA_COUNT);

	/* a range header, then its frames, cut off */
	put32(a + 4, 1);
	p = gpa_range(a, 8, 4096, 0, 1, 0x1000);
	EXPECT_PERR(test, netvsp_parse_gpa(a, 12, g), -NETVSP_PERR_GPA_AREA);
	EXPECT_PERR(test, netvsp_parse_gpa(a, p - 1, g), -NETVSP_PERR_GPA_AREA);
	/* one frame short: the range needs two */
	put32(a + 8, 4097);
	EXPECT_PERR(test, netvsp_parse_gpa(a, p, g), -NETVSP_PERR_GPA_AREA);
	/* a second range announced, not there */
	put32(a + 8, 4096);
	put32(a + 4, 2);
	EXPECT_PERR(test, netvsp_parse_gpa(a, p, g), -NETVSP_PERR_GPA_AREA);
	put32(a + 4, 1);
	/* page offset past the page */
	put32(a + 12, 4096);
	EXPECT_PERR(test, netvsp_parse_gpa(a, p, g), -NETVSP_PERR_GPA_OFFSET);
	put32(a + 12, 0xFFFFFFFF);
	EXPECT_PERR(test, netvsp_parse_gpa(a, p, g), -NETVSP_PERR_GPA_OFFSET);
	/* offset + length overflowing, a length naming too many frames */
	put32(a + 12, 4095);
	put32(a + 8, 0xFFFFFFFF);
	EXPECT_PERR(test, netvsp_parse_gpa(a, sizeof(a), g), -NETVSP_PERR_GPA_PFNS);
	put32(a + 12, 0);
	put32(a + 8, 32 * 4096 + 1);
	EXPECT_PERR(test, netvsp_parse_gpa(a, sizeof(a), g), -NETVSP_PERR_GPA_PFNS);
	/* 33 frames over several ranges */
	put32(a + 4, 3);
	p = gpa_range(a, 8, 16 * 4096, 0, 16, 0x1000);
	p = gpa_range(a, p, 16 * 4096, 0, 16, 0x2000);
	p = gpa_range(a, p, 1, 0, 1, 0x3000);
	EXPECT_PERR(test, netvsp_parse_gpa(a, p, g), -NETVSP_PERR_GPA_PFNS);
	put32(a + 4, 2);
	KUNIT_EXPECT_EQ(test, netvsp_parse_gpa(a, p, g), 0);
	/* 32 ranges of nothing are fine: no frame, no byte */
	put32(a + 4, 32);
	for (p = 8, i = 0; i < 32; i++)
		p = gpa_range(a, p, 0, 0, 0, 0);
	KUNIT_EXPECT_EQ(test, netvsp_parse_gpa(a, p, g), 0);
	KUNIT_EXPECT_EQ(test, g->total_len, 0U);
}

static void perr_names_all(struct kunit *test)
{
	int i;

	for (i = 0; i < NETVSP_PERR_MAX; i++)
		KUNIT_EXPECT_NOT_NULL(test, perr_names[i]);
	KUNIT_EXPECT_STREQ(test, netvsp_perr_name(-NETVSP_PERR_MAX), "?");
	KUNIT_EXPECT_STREQ(test, netvsp_perr_name(1), "?");
}

static struct kunit_case parse_cases[] = {
	KUNIT_CASE(nvsp_well_formed),
	KUNIT_CASE(nvsp_malformed),
	KUNIT_CASE(rndis_control),
	KUNIT_CASE(rndis_packet_well_formed),
	KUNIT_CASE(rndis_packet_malformed),
	KUNIT_CASE(rndis_packet_ppi_values),
	KUNIT_CASE(gpa_well_formed),
	KUNIT_CASE(gpa_malformed),
	KUNIT_CASE(perr_names_all),
	{}
};

static struct kunit_suite parse_suite = {
	.name = "netvsp_parse",
	.test_cases = parse_cases,
};

kunit_test_suite(parse_suite);

MODULE_DESCRIPTION("KUnit: NetVSP parsers of guest messages");
MODULE_LICENSE("GPL");
