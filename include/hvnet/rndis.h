/* SPDX-License-Identifier: GPL-2.0 */
/*
 * RNDIS messages as carried over NVSP, bit-compatible with Hyper-V. Every
 * message starts with {type, length}; a completion's type is the request's
 * type with bit 31 set.
 */
#ifndef _HVNET_RNDIS_H
#define _HVNET_RNDIS_H

#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/types.h>

enum hvnet_rndis_msg_type {
	HVNET_RNDIS_MSG_PACKET		= 1,
	HVNET_RNDIS_MSG_INIT		= 2,
	HVNET_RNDIS_MSG_HALT		= 3,
	HVNET_RNDIS_MSG_QUERY		= 4,
	HVNET_RNDIS_MSG_SET		= 5,
	HVNET_RNDIS_MSG_RESET		= 6,
	HVNET_RNDIS_MSG_INDICATE	= 7,
	HVNET_RNDIS_MSG_KEEPALIVE	= 8,
};

#define HVNET_RNDIS_MSG_COMPLETION	BIT(31)

/* Object identifiers a Linux guest uses */
#define HVNET_RNDIS_OID_GEN_MAX_FRAME_SIZE		0x00010106
#define HVNET_RNDIS_OID_GEN_LINK_SPEED			0x00010107
#define HVNET_RNDIS_OID_GEN_CURRENT_PACKET_FILTER	0x0001010E
#define HVNET_RNDIS_OID_GEN_MEDIA_CONNECT_STATUS	0x00010114
#define HVNET_RNDIS_OID_GEN_FRIENDLY_NAME		0x00020216
#define HVNET_RNDIS_OID_GEN_RNDIS_CONFIG_PARAMETER	0x0001021B
#define HVNET_RNDIS_OID_GEN_RSS_CAPABILITIES		0x00010203
#define HVNET_RNDIS_OID_GEN_RSS_PARAMETERS		0x00010204
#define HVNET_RNDIS_OID_802_3_PERMANENT_ADDRESS		0x01010101
#define HVNET_RNDIS_OID_TCP_OFFLOAD_PARAMETERS		0xFC01020C
#define HVNET_RNDIS_OID_TCP_OFFLOAD_HW_CAPS		0xFC01020D

/* Status indications */
#define HVNET_RNDIS_STATUS_MEDIA_CONNECT	0x4001000B
#define HVNET_RNDIS_STATUS_MEDIA_DISCONNECT	0x4001000C
#define HVNET_RNDIS_STATUS_LINK_SPEED_CHANGE	0x40010013
#define HVNET_RNDIS_STATUS_NETWORK_CHANGE	0x40010018

/* Completion statuses */
#define HVNET_RNDIS_STATUS_SUCCESS		0x00000000
#define HVNET_RNDIS_STATUS_BUFFER_OVERFLOW	0x80000005
#define HVNET_RNDIS_STATUS_FAILURE		0xC0000001
#define HVNET_RNDIS_STATUS_INVALID_DATA		0xC0010015
#define HVNET_RNDIS_STATUS_NOT_SUPPORTED	0xC00000BB
#define HVNET_RNDIS_STATUS_INVALID_LENGTH	0xC0010014

/* OID_GEN_MEDIA_CONNECT_STATUS values */
#define HVNET_RNDIS_MEDIA_CONNECTED		0
#define HVNET_RNDIS_MEDIA_DISCONNECTED		1

/* OID_GEN_CURRENT_PACKET_FILTER bits */
#define HVNET_RNDIS_FILTER_DIRECTED		BIT(0)
#define HVNET_RNDIS_FILTER_MULTICAST		BIT(1)
#define HVNET_RNDIS_FILTER_ALL_MULTICAST	BIT(2)
#define HVNET_RNDIS_FILTER_BROADCAST		BIT(3)
#define HVNET_RNDIS_FILTER_PROMISCUOUS		BIT(5)

/* RNDIS INITIALIZE: the version and limits the host answers with */
#define HVNET_RNDIS_MAJOR_VERSION		1
#define HVNET_RNDIS_MINOR_VERSION		0
#define HVNET_RNDIS_DF_CONNECTIONLESS		1
#define HVNET_RNDIS_MEDIUM_802_3		0

/* RSS parameters a guest may send */
#define HVNET_RNDIS_RSS_TABLE_ENTRIES	128
#define HVNET_RNDIS_RSS_KEY_SIZE	40

/* Per-packet info types */
enum hvnet_rndis_ppi_type {
	HVNET_RNDIS_PPI_CHECKSUM	= 0,
	HVNET_RNDIS_PPI_LSO		= 2,
	HVNET_RNDIS_PPI_IEEE8021Q	= 6,
	HVNET_RNDIS_PPI_HASH_VALUE	= 8,
};

#define HVNET_RNDIS_PPI_INTERNAL	BIT(31)
/* Every PPI the guest sends carries a u32: {size 16, type, offset 12} */
#define HVNET_RNDIS_PPI_SIZE		16

/* Checksum PPI, transmit (guest -> host) bits */
#define HVNET_RNDIS_CSUM_TX_IPV4	BIT(0)
#define HVNET_RNDIS_CSUM_TX_IPV6	BIT(1)
#define HVNET_RNDIS_CSUM_TX_TCP		BIT(2)
#define HVNET_RNDIS_CSUM_TX_UDP		BIT(3)
#define HVNET_RNDIS_CSUM_TX_IP_HDR	BIT(4)
#define HVNET_RNDIS_CSUM_TX_TH_SHIFT	16
#define HVNET_RNDIS_CSUM_TX_TH_MASK	0x3ff
/* Checksum PPI, receive (host -> guest) bits */
#define HVNET_RNDIS_CSUM_RX_TCP_OK	BIT(3)
#define HVNET_RNDIS_CSUM_RX_UDP_OK	BIT(4)
#define HVNET_RNDIS_CSUM_RX_IP_OK	BIT(5)

/* LSO v2 PPI: {mss:20, tcp_header_offset:10, type:1, ip_version:1} */
#define HVNET_RNDIS_LSO_MSS_MASK	0xfffff
#define HVNET_RNDIS_LSO_TH_SHIFT	20
#define HVNET_RNDIS_LSO_TH_MASK		0x3ff
#define HVNET_RNDIS_LSO_V2		BIT(30)
#define HVNET_RNDIS_LSO_IPV6		BIT(31)

/* 802.1Q PPI: {pri:3, cfi:1, vlanid:12} */
#define HVNET_RNDIS_VLAN_PRI_MASK	0x7
#define HVNET_RNDIS_VLAN_CFI		BIT(3)
#define HVNET_RNDIS_VLAN_VID_SHIFT	4
#define HVNET_RNDIS_VLAN_VID_MASK	0xfff

/**
 * struct hvnet_rndis_hdr - the start of every RNDIS message
 * @type: enum hvnet_rndis_msg_type, with HVNET_RNDIS_MSG_COMPLETION on replies
 * @len: length of the whole message in bytes, header included
 */
struct hvnet_rndis_hdr {
	u32 type;
	u32 len;
} __packed;

static_assert(sizeof(struct hvnet_rndis_hdr) == 8);
static_assert(offsetof(struct hvnet_rndis_hdr, len) == 4);

/**
 * struct hvnet_rndis_packet - body of an RNDIS PACKET message
 * @data_offset: offset of the frame from the start of this body
 * @data_len: length of the frame
 * @oob_data_offset: out-of-band data offset (unused, zero)
 * @oob_data_len: out-of-band data length (unused, zero)
 * @num_oob_data_elements: out-of-band element count (unused, zero)
 * @ppi_offset: offset of the first per-packet info from the start of this body
 * @ppi_len: total length of the per-packet infos
 * @vc_handle: virtual-circuit handle (unused, zero)
 * @reserved: zero
 */
struct hvnet_rndis_packet {
	u32 data_offset;
	u32 data_len;
	u32 oob_data_offset;
	u32 oob_data_len;
	u32 num_oob_data_elements;
	u32 ppi_offset;
	u32 ppi_len;
	u32 vc_handle;
	u32 reserved;
} __packed;

static_assert(sizeof(struct hvnet_rndis_packet) == 36);
static_assert(offsetof(struct hvnet_rndis_packet, ppi_offset) == 20);

/**
 * struct hvnet_rndis_ppi - header of one per-packet info
 * @size: size of this info, header included
 * @type: enum hvnet_rndis_ppi_type, possibly with HVNET_RNDIS_PPI_INTERNAL
 * @offset: offset of the info's data from the start of this header
 */
struct hvnet_rndis_ppi {
	u32 size;
	u32 type;
	u32 offset;
} __packed;

static_assert(sizeof(struct hvnet_rndis_ppi) == 12);

/* The bodies of control messages; offsets count from the body's start. */
struct hvnet_rndis_init_req {
	u32 req_id;
	u32 major;
	u32 minor;
	u32 max_xfer_size;
} __packed;

struct hvnet_rndis_init_complete {
	u32 req_id;
	u32 status;
	u32 major;
	u32 minor;
	u32 dev_flags;
	u32 medium;
	u32 max_pkt_per_msg;
	u32 max_xfer_size;
	u32 pkt_alignment_factor;
	u32 af_list_offset;
	u32 af_list_size;
} __packed;

/* QUERY and SET requests */
struct hvnet_rndis_oid_req {
	u32 req_id;
	u32 oid;
	u32 info_buflen;
	u32 info_buf_offset;
	u32 dev_vc_handle;
} __packed;

struct hvnet_rndis_query_complete {
	u32 req_id;
	u32 status;
	u32 info_buflen;
	u32 info_buf_offset;
} __packed;

/* SET, KEEPALIVE completions; HALT and RESET requests carry one u32 */
struct hvnet_rndis_set_complete {
	u32 req_id;
	u32 status;
} __packed;

struct hvnet_rndis_reset_complete {
	u32 status;
	u32 addressing_reset;
} __packed;

struct hvnet_rndis_indicate {
	u32 status;
	u32 status_buflen;
	u32 status_buf_offset;
} __packed;

static_assert(sizeof(struct hvnet_rndis_init_req) == 16);
static_assert(sizeof(struct hvnet_rndis_init_complete) == 44);
static_assert(sizeof(struct hvnet_rndis_oid_req) == 20);
static_assert(sizeof(struct hvnet_rndis_query_complete) == 16);
static_assert(sizeof(struct hvnet_rndis_indicate) == 12);

/* NDIS object header of the offload and RSS structures */
struct hvnet_ndis_obj_hdr {
	u8 type;
	u8 revision;
	u16 size;
} __packed;

#define HVNET_NDIS_OBJTYPE_RSS_CAPS	0x88
#define HVNET_NDIS_OBJTYPE_RSS_PARAMS	0x89
#define HVNET_NDIS_OBJTYPE_OFFLOAD	0xA7
#define HVNET_NDIS_OBJTYPE_DEFAULT	0x80

/* OID_TCP_OFFLOAD_HARDWARE_CAPABILITIES answer (NDIS_OFFLOAD) */
struct hvnet_ndis_offload {
	struct hvnet_ndis_obj_hdr hdr;
	/* checksum */
	u32 ip4_txenc;
	u32 ip4_txcsum;
	u32 ip4_rxenc;
	u32 ip4_rxcsum;
	u32 ip6_txenc;
	u32 ip6_txcsum;
	u32 ip6_rxenc;
	u32 ip6_rxcsum;
	/* LSO v1 */
	u32 lsov1_encap;
	u32 lsov1_maxsize;
	u32 lsov1_minsegs;
	u32 lsov1_opts;
	/* IPsec v1 */
	u32 ipsecv1[7];
	/* LSO v2 */
	u32 lsov2_ip4_encap;
	u32 lsov2_ip4_maxsz;
	u32 lsov2_ip4_minsg;
	u32 lsov2_ip6_encap;
	u32 lsov2_ip6_maxsz;
	u32 lsov2_ip6_minsg;
	u32 lsov2_ip6_opts;
	u32 flags;
	/* NDIS 6.1: IPsec v2 */
	u32 ipsecv2_encap;
	u8 ipsecv2_flags[11];
	u8 ipsecv2_pad;
	u32 ipsecv2_udp_esp;
	u32 ipsecv2_auth;
	u32 ipsecv2_crypto;
	u32 ipsecv2_sa_caps;
	/* NDIS 6.30: RSC, encapsulation */
	u8 rsc_ip4;
	u8 rsc_ip6;
	u8 rsc_pad[2];
	u32 encap_flags;
	u32 encap_maxhdr;
} __packed;

#define HVNET_NDIS_OFFLOAD_SIZE_6_0	112
#define HVNET_NDIS_OFFLOAD_SIZE_6_1	144
#define HVNET_NDIS_OFFLOAD_SIZE		156
#define HVNET_NDIS_OFFLOAD_REV_3	3

#define HVNET_NDIS_ENCAP_8023		0x0002
#define HVNET_NDIS_TXCSUM_IP4OPT	0x001
#define HVNET_NDIS_TXCSUM_TCP4OPT	0x004
#define HVNET_NDIS_TXCSUM_TCP4		0x010
#define HVNET_NDIS_TXCSUM_UDP4		0x040
#define HVNET_NDIS_TXCSUM_IP4		0x100
#define HVNET_NDIS_TXCSUM_IP6EXT	0x001
#define HVNET_NDIS_TXCSUM_TCP6OPT	0x004
#define HVNET_NDIS_TXCSUM_TCP6		0x010
#define HVNET_NDIS_TXCSUM_UDP6		0x040
#define HVNET_NDIS_LSOV2_IP6EXT		0x001
#define HVNET_NDIS_LSOV2_TCP6OPT	0x004

static_assert(sizeof(struct hvnet_ndis_offload) == HVNET_NDIS_OFFLOAD_SIZE);
static_assert(offsetof(struct hvnet_ndis_offload, lsov2_ip4_encap) == 80);
static_assert(offsetof(struct hvnet_ndis_offload, ipsecv2_encap) ==
	      HVNET_NDIS_OFFLOAD_SIZE_6_0);
static_assert(offsetof(struct hvnet_ndis_offload, rsc_ip4) ==
	      HVNET_NDIS_OFFLOAD_SIZE_6_1);

/* OID_TCP_OFFLOAD_PARAMETERS (NDIS_OFFLOAD_PARAMETERS) */
struct hvnet_ndis_offload_params {
	struct hvnet_ndis_obj_hdr hdr;
	u8 ip_v4_csum;
	u8 tcp_ip_v4_csum;
	u8 udp_ip_v4_csum;
	u8 tcp_ip_v6_csum;
	u8 udp_ip_v6_csum;
	u8 lso_v1;
	u8 ip_sec_v1;
	u8 lso_v2_ipv4;
	u8 lso_v2_ipv6;
	u8 tcp_connection_ip_v4;
	u8 tcp_connection_ip_v6;
	u8 pad;
	u32 flags;
	u8 ip_sec_v2;
	u8 ip_sec_v2_ip_v4;
	u8 rsc_ip_v4;
	u8 rsc_ip_v6;
	u8 encap_task_offload;
	u8 encap_types;
	u8 pad2[2];
} __packed;

static_assert(sizeof(struct hvnet_ndis_offload_params) == 28);
static_assert(offsetof(struct hvnet_ndis_offload_params, flags) == 16);
#define HVNET_NDIS_OFFLOAD_PARAMS_SIZE_V4	22

/* OID_GEN_RECEIVE_SCALE_CAPABILITIES answer: exactly 18 bytes */
struct hvnet_ndis_rss_caps {
	struct hvnet_ndis_obj_hdr hdr;
	u32 cap_flag;
	u32 num_int_msg;
	u32 num_recv_que;
	u16 num_indirect_tabent;
} __packed;

static_assert(sizeof(struct hvnet_ndis_rss_caps) == 18);

/* OID_GEN_RECEIVE_SCALE_PARAMETERS, offsets from the structure's start */
struct hvnet_ndis_rss_params {
	struct hvnet_ndis_obj_hdr hdr;
	u16 flag;
	u16 base_cpu_number;
	u32 hashinfo;
	u16 indirect_tabsize;
	u16 pad1;
	u32 indirect_taboffset;
	u16 hashkey_size;
	u16 pad2;
	u32 hashkey_offset;
	u32 processor_masks_offset;
	u32 num_processor_masks;
	u32 processor_masks_entry_size;
} __packed;

static_assert(sizeof(struct hvnet_ndis_rss_params) == 40);
static_assert(offsetof(struct hvnet_ndis_rss_params, indirect_taboffset) == 16);
static_assert(offsetof(struct hvnet_ndis_rss_params, hashkey_offset) == 24);

#define HVNET_NDIS_RSS_FLAG_DISABLE	0x0010
#define HVNET_NDIS_RSS_TABLE_MAX	256

#endif /* _HVNET_RNDIS_H */
