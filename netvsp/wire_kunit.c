// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the wire formats of include/hvnet/ against the numbers of the real
 * protocol (VMBus ring, NVSP, RNDIS). The expected values are written out
 * here, not taken from the headers, so a header change that breaks
 * compatibility fails.
 */
#include <kunit/test.h>
#include <hvnet/nvsp.h>
#include <hvnet/rndis.h>
#include <hvnet/vmbus_ring.h>

/* Offsets of every field plus the size of every struct fix the layout. */
#define EXPECT_OFFSET(test, type, member, off)					\
	KUNIT_EXPECT_EQ_MSG(test, offsetof(type, member), (size_t)(off),	\
			    #type "." #member)

static void wire_ring_header(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, sizeof(struct hvnet_ring_header), (size_t)4096);
	EXPECT_OFFSET(test, struct hvnet_ring_header, write_index, 0);
	EXPECT_OFFSET(test, struct hvnet_ring_header, read_index, 4);
	EXPECT_OFFSET(test, struct hvnet_ring_header, interrupt_mask, 8);
	EXPECT_OFFSET(test, struct hvnet_ring_header, pending_send_sz, 12);
	EXPECT_OFFSET(test, struct hvnet_ring_header, reserved1, 16);
	KUNIT_EXPECT_EQ(test, sizeof_field(struct hvnet_ring_header, reserved1), (size_t)48);
	EXPECT_OFFSET(test, struct hvnet_ring_header, feature_bits, 64);
	KUNIT_EXPECT_EQ(test, HVNET_RING_FEAT_PENDING_SEND_SZ, 1UL);
}

static void wire_packet_desc(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, sizeof(struct hvnet_vmpacket_desc), (size_t)16);
	EXPECT_OFFSET(test, struct hvnet_vmpacket_desc, type, 0);
	EXPECT_OFFSET(test, struct hvnet_vmpacket_desc, offset8, 2);
	EXPECT_OFFSET(test, struct hvnet_vmpacket_desc, len8, 4);
	EXPECT_OFFSET(test, struct hvnet_vmpacket_desc, flags, 6);
	EXPECT_OFFSET(test, struct hvnet_vmpacket_desc, trans_id, 8);
	KUNIT_EXPECT_EQ(test, HVNET_VMPKT_TRAILER_SIZE, (size_t)8);
	KUNIT_EXPECT_EQ(test, HVNET_VMPKT_DATA_INBAND, 6);
	KUNIT_EXPECT_EQ(test, HVNET_VMPKT_DATA_XFER_PAGES, 7);
	KUNIT_EXPECT_EQ(test, HVNET_VMPKT_DATA_GPA_DIRECT, 9);
	KUNIT_EXPECT_EQ(test, HVNET_VMPKT_COMPLETION, 11);
	KUNIT_EXPECT_EQ(test, HVNET_VMPKT_FLAG_COMPLETION_REQUESTED, 1UL);
}

static void wire_nvsp(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, sizeof(struct hvnet_nvsp_msg), (size_t)40);
	EXPECT_OFFSET(test, struct hvnet_nvsp_msg, type, 0);
	EXPECT_OFFSET(test, struct hvnet_nvsp_msg, init.min_protocol_ver, 4);
	EXPECT_OFFSET(test, struct hvnet_nvsp_msg, init.max_protocol_ver, 8);
	EXPECT_OFFSET(test, struct hvnet_nvsp_msg, init_complete.status, 12);
	EXPECT_OFFSET(test, struct hvnet_nvsp_msg, ndis_config.mtu, 4);
	EXPECT_OFFSET(test, struct hvnet_nvsp_msg, ndis_config.capabilities, 12);
	EXPECT_OFFSET(test, struct hvnet_nvsp_msg, send_buf.gpadl_handle, 4);
	EXPECT_OFFSET(test, struct hvnet_nvsp_msg, send_buf.id, 8);
	EXPECT_OFFSET(test, struct hvnet_nvsp_msg, recv_buf_complete.num_sections, 8);
	EXPECT_OFFSET(test, struct hvnet_nvsp_msg, recv_buf_complete.section, 12);
	KUNIT_EXPECT_EQ(test, sizeof(struct hvnet_nvsp_recv_buf_complete), (size_t)24);
	EXPECT_OFFSET(test, struct hvnet_nvsp_msg, send_buf_complete.section_size, 8);
	EXPECT_OFFSET(test, struct hvnet_nvsp_msg, rndis_pkt.channel_type, 4);
	EXPECT_OFFSET(test, struct hvnet_nvsp_msg, rndis_pkt.send_buf_section_index, 8);
	EXPECT_OFFSET(test, struct hvnet_nvsp_msg, rndis_pkt.send_buf_section_size, 12);
	EXPECT_OFFSET(test, struct hvnet_nvsp_msg, vf_association.serial, 8);
	EXPECT_OFFSET(test, struct hvnet_nvsp_msg, switch_data_path.active_datapath, 4);
	EXPECT_OFFSET(test, struct hvnet_nvsp_msg, subchannel.num_subchannels, 8);

	KUNIT_EXPECT_EQ(test, HVNET_NVSP_MSG_INIT, 1);
	KUNIT_EXPECT_EQ(test, HVNET_NVSP_MSG1_SEND_NDIS_VER, 100);
	KUNIT_EXPECT_EQ(test, HVNET_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE, 108);
	KUNIT_EXPECT_EQ(test, HVNET_NVSP_MSG2_SEND_NDIS_CONFIG, 125);
	KUNIT_EXPECT_EQ(test, HVNET_NVSP_MSG4_VF_ASSOCIATION, 128);
	KUNIT_EXPECT_EQ(test, HVNET_NVSP_MSG4_SWITCH_DATA_PATH, 129);
	KUNIT_EXPECT_EQ(test, HVNET_NVSP_MSG5_SUBCHANNEL, 133);
	KUNIT_EXPECT_EQ(test, HVNET_NVSP_MSG5_SEND_INDIRECTION_TABLE, 134);
	KUNIT_EXPECT_EQ(test, HVNET_NVSP_VERSION_61, 0x60001);
	KUNIT_EXPECT_EQ(test, HVNET_NVSP_STAT_PROTOCOL_UNSUPPORTED, 7);
	KUNIT_EXPECT_EQ(test, HVNET_NVSP_RECV_BUF_XFER_ID, 0xCAFE);
	KUNIT_EXPECT_EQ(test, HVNET_NVSP_CAP_SRIOV, BIT_ULL(2));
	KUNIT_EXPECT_EQ(test, HVNET_NVSP_CAP_RSC, BIT_ULL(7));
}

static void wire_rndis(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, sizeof(struct hvnet_rndis_hdr), (size_t)8);
	EXPECT_OFFSET(test, struct hvnet_rndis_hdr, type, 0);
	EXPECT_OFFSET(test, struct hvnet_rndis_hdr, len, 4);
	KUNIT_EXPECT_EQ(test, sizeof(struct hvnet_rndis_packet), (size_t)36);
	EXPECT_OFFSET(test, struct hvnet_rndis_packet, data_offset, 0);
	EXPECT_OFFSET(test, struct hvnet_rndis_packet, data_len, 4);
	EXPECT_OFFSET(test, struct hvnet_rndis_packet, ppi_offset, 20);
	EXPECT_OFFSET(test, struct hvnet_rndis_packet, ppi_len, 24);
	KUNIT_EXPECT_EQ(test, sizeof(struct hvnet_rndis_ppi), (size_t)12);
	EXPECT_OFFSET(test, struct hvnet_rndis_ppi, offset, 8);

	KUNIT_EXPECT_EQ(test, HVNET_RNDIS_MSG_PACKET, 1);
	KUNIT_EXPECT_EQ(test, HVNET_RNDIS_MSG_KEEPALIVE, 8);
	KUNIT_EXPECT_EQ(test, HVNET_RNDIS_MSG_INIT | HVNET_RNDIS_MSG_COMPLETION,
			0x80000002UL);
	KUNIT_EXPECT_EQ(test, HVNET_RNDIS_PPI_IEEE8021Q, 6);
	KUNIT_EXPECT_EQ(test, HVNET_RNDIS_PPI_HASH_VALUE, 8);
	KUNIT_EXPECT_EQ(test, HVNET_RNDIS_OID_GEN_RSS_PARAMETERS, 0x00010204);
	KUNIT_EXPECT_EQ(test, HVNET_RNDIS_OID_TCP_OFFLOAD_HW_CAPS, 0xFC01020DU);
	KUNIT_EXPECT_EQ(test, HVNET_RNDIS_STATUS_MEDIA_DISCONNECT, 0x4001000C);
}

static struct kunit_case wire_cases[] = {
	KUNIT_CASE(wire_ring_header),
	KUNIT_CASE(wire_packet_desc),
	KUNIT_CASE(wire_nvsp),
	KUNIT_CASE(wire_rndis),
	{}
};

static struct kunit_suite wire_suite = {
	.name = "hvnet_wire",
	.test_cases = wire_cases,
};

kunit_test_suite(wire_suite);

MODULE_DESCRIPTION("KUnit: hvnet wire formats");
MODULE_LICENSE("GPL");
