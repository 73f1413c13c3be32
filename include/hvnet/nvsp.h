/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NVSP (Network Virtual Service Protocol) messages, bit-compatible with
 * Hyper-V. Every message is a u32 type followed by a type-specific body; the
 * whole message is 40 bytes in the protocol versions hvnet speaks.
 */
#ifndef _HVNET_NVSP_H
#define _HVNET_NVSP_H

#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/types.h>

/* Protocol versions, oldest first; the guest offers the highest first. */
#define HVNET_NVSP_VERSION_1		0x00002
#define HVNET_NVSP_VERSION_2		0x30002
#define HVNET_NVSP_VERSION_4		0x40000
#define HVNET_NVSP_VERSION_5		0x50000
#define HVNET_NVSP_VERSION_6		0x60000
#define HVNET_NVSP_VERSION_61		0x60001

enum hvnet_nvsp_msg_type {
	HVNET_NVSP_MSG_INIT			= 1,
	HVNET_NVSP_MSG_INIT_COMPLETE		= 2,
	HVNET_NVSP_MSG1_SEND_NDIS_VER		= 100,
	HVNET_NVSP_MSG1_SEND_RECV_BUF		= 101,
	HVNET_NVSP_MSG1_SEND_RECV_BUF_COMPLETE	= 102,
	HVNET_NVSP_MSG1_REVOKE_RECV_BUF		= 103,
	HVNET_NVSP_MSG1_SEND_SEND_BUF		= 104,
	HVNET_NVSP_MSG1_SEND_SEND_BUF_COMPLETE	= 105,
	HVNET_NVSP_MSG1_REVOKE_SEND_BUF		= 106,
	HVNET_NVSP_MSG1_SEND_RNDIS_PKT		= 107,
	HVNET_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE	= 108,
	HVNET_NVSP_MSG2_SEND_NDIS_CONFIG	= 125,
	HVNET_NVSP_MSG4_VF_ASSOCIATION		= 128,
	HVNET_NVSP_MSG4_SWITCH_DATA_PATH	= 129,
	HVNET_NVSP_MSG4_UPLINK_CONNECT_STATE	= 130,	/* deprecated */
	HVNET_NVSP_MSG5_OID_QUERY_EX		= 131,
	HVNET_NVSP_MSG5_OID_QUERY_EX_COMPLETE	= 132,
	HVNET_NVSP_MSG5_SUBCHANNEL		= 133,
	HVNET_NVSP_MSG5_SEND_INDIRECTION_TABLE	= 134,
	HVNET_NVSP_MSG6_PD_API			= 135,
	HVNET_NVSP_MSG6_PD_POST_BATCH		= 136,
};

enum hvnet_nvsp_status {
	HVNET_NVSP_STAT_SUCCESS		= 1,
	HVNET_NVSP_STAT_FAIL		= 2,
	HVNET_NVSP_STAT_PROTOCOL_TOO_NEW	= 3,
	HVNET_NVSP_STAT_PROTOCOL_TOO_OLD	= 4,
	HVNET_NVSP_STAT_INVALID_RNDIS_PKT	= 5,
	HVNET_NVSP_STAT_BUSY		= 6,
	HVNET_NVSP_STAT_PROTOCOL_UNSUPPORTED = 7,
};

/* SEND_RNDIS_PKT channel types and "no send section" */
#define HVNET_NVSP_CHANNEL_DATA		0
#define HVNET_NVSP_CHANNEL_CONTROL	1
#define HVNET_NVSP_NO_SECTION		0xFFFFFFFF

/* SEND_NDIS_CONFIG capability bits */
#define HVNET_NVSP_CAP_VMQ		BIT_ULL(0)
#define HVNET_NVSP_CAP_CHIMNEY		BIT_ULL(1)
#define HVNET_NVSP_CAP_SRIOV		BIT_ULL(2)
#define HVNET_NVSP_CAP_IEEE8021Q	BIT_ULL(3)
#define HVNET_NVSP_CAP_CORRELATION_ID	BIT_ULL(4)
#define HVNET_NVSP_CAP_TEAMING		BIT_ULL(5)
#define HVNET_NVSP_CAP_VSUBNET_ID	BIT_ULL(6)
#define HVNET_NVSP_CAP_RSC		BIT_ULL(7)

/* SWITCH_DATA_PATH */
#define HVNET_NVSP_DATAPATH_SYNTHETIC	0
#define HVNET_NVSP_DATAPATH_VF		1

/* SUBCHANNEL */
#define HVNET_NVSP_SUBCHANNEL_ALLOCATE	1
#define HVNET_NVSP_MAX_CHANNELS		64

/* Transfer-page set id the host uses for receive-buffer packets */
#define HVNET_NVSP_RECV_BUF_XFER_ID	0xCAFE

/* The send buffer's section size the host grants (what Linux expects) */
#define HVNET_NVSP_SEND_SECTION_SIZE	6144
/* The smallest section of either buffer a Linux guest accepts */
#define HVNET_NVSP_MIN_SECTION_SIZE	68

/* Entries of SEND_INDIRECTION_TABLE */
#define HVNET_NVSP_SEND_TABLE_SIZE	16

#define HVNET_NVSP_MSG_SIZE		40

struct hvnet_nvsp_init {
	u32 min_protocol_ver;
	u32 max_protocol_ver;
} __packed;

struct hvnet_nvsp_init_complete {
	u32 negotiated_protocol_ver;
	u32 max_mdl_chain_len;
	u32 status;
} __packed;

struct hvnet_nvsp_ndis_ver {
	u32 major;
	u32 minor;
} __packed;

struct hvnet_nvsp_ndis_config {
	u32 mtu;
	u32 reserved;
	u64 capabilities;
} __packed;

/* SEND_RECV_BUF and SEND_SEND_BUF */
struct hvnet_nvsp_send_buf {
	u32 gpadl_handle;
	u16 id;
} __packed;

struct hvnet_nvsp_recv_buf_section {
	u32 offset;
	u32 sub_alloc_size;
	u32 num_sub_allocs;
	u32 end_offset;
} __packed;

/* The host always answers with exactly one section. */
struct hvnet_nvsp_recv_buf_complete {
	u32 status;
	u32 num_sections;
	struct hvnet_nvsp_recv_buf_section section;
} __packed;

/* REVOKE_RECV_BUF and REVOKE_SEND_BUF */
struct hvnet_nvsp_revoke_buf {
	u16 id;
} __packed;

struct hvnet_nvsp_send_buf_complete {
	u32 status;
	u32 section_size;
} __packed;

struct hvnet_nvsp_rndis_pkt {
	u32 channel_type;
	u32 send_buf_section_index;
	u32 send_buf_section_size;
} __packed;

struct hvnet_nvsp_rndis_pkt_complete {
	u32 status;
} __packed;

struct hvnet_nvsp_vf_association {
	u32 allocated;
	u32 serial;
} __packed;

struct hvnet_nvsp_switch_data_path {
	u32 active_datapath;
} __packed;

struct hvnet_nvsp_subchannel {
	u32 op;
	u32 num_subchannels;
} __packed;

struct hvnet_nvsp_subchannel_complete {
	u32 status;
	u32 num_subchannels;
} __packed;

struct hvnet_nvsp_indirection_table {
	u32 count;
	u32 offset;
} __packed;

/**
 * struct hvnet_nvsp_msg - one NVSP message as it sits in a ring packet
 * @type: enum hvnet_nvsp_msg_type
 * @init: INIT
 * @init_complete: INIT_COMPLETE
 * @ndis_ver: SEND_NDIS_VER
 * @ndis_config: SEND_NDIS_CONFIG
 * @send_buf: SEND_RECV_BUF, SEND_SEND_BUF
 * @recv_buf_complete: SEND_RECV_BUF_COMPLETE
 * @revoke_buf: REVOKE_RECV_BUF, REVOKE_SEND_BUF
 * @send_buf_complete: SEND_SEND_BUF_COMPLETE
 * @rndis_pkt: SEND_RNDIS_PKT
 * @rndis_pkt_complete: SEND_RNDIS_PKT_COMPLETE
 * @vf_association: VF_ASSOCIATION
 * @switch_data_path: SWITCH_DATA_PATH
 * @subchannel: SUBCHANNEL request
 * @subchannel_complete: SUBCHANNEL completion
 * @indirection_table: SEND_INDIRECTION_TABLE
 * @raw: the body as bytes; fixes the message size
 */
struct hvnet_nvsp_msg {
	u32 type;
	union {
		struct hvnet_nvsp_init init;
		struct hvnet_nvsp_init_complete init_complete;
		struct hvnet_nvsp_ndis_ver ndis_ver;
		struct hvnet_nvsp_ndis_config ndis_config;
		struct hvnet_nvsp_send_buf send_buf;
		struct hvnet_nvsp_recv_buf_complete recv_buf_complete;
		struct hvnet_nvsp_revoke_buf revoke_buf;
		struct hvnet_nvsp_send_buf_complete send_buf_complete;
		struct hvnet_nvsp_rndis_pkt rndis_pkt;
		struct hvnet_nvsp_rndis_pkt_complete rndis_pkt_complete;
		struct hvnet_nvsp_vf_association vf_association;
		struct hvnet_nvsp_switch_data_path switch_data_path;
		struct hvnet_nvsp_subchannel subchannel;
		struct hvnet_nvsp_subchannel_complete subchannel_complete;
		struct hvnet_nvsp_indirection_table indirection_table;
		u8 raw[HVNET_NVSP_MSG_SIZE - sizeof(u32)];
	};
} __packed;

static_assert(sizeof(struct hvnet_nvsp_msg) == HVNET_NVSP_MSG_SIZE);
static_assert(offsetof(struct hvnet_nvsp_msg, init) == 4);
static_assert(sizeof(struct hvnet_nvsp_init_complete) == 12);
static_assert(sizeof(struct hvnet_nvsp_ndis_config) == 16);
static_assert(sizeof(struct hvnet_nvsp_send_buf) == 6);
static_assert(sizeof(struct hvnet_nvsp_recv_buf_complete) == 24);
static_assert(sizeof(struct hvnet_nvsp_rndis_pkt) == 12);

/**
 * struct hvnet_xfer_page_header - what follows an XFER_PAGES descriptor
 * @xfer_pageset_id: the receive buffer's id (HVNET_NVSP_RECV_BUF_XFER_ID)
 * @sender_owns_set: zero
 * @reserved: zero
 * @range_cnt: number of ranges that follow
 *
 * Each range is a struct hvnet_xfer_page_range; one RNDIS message each.
 */
struct hvnet_xfer_page_header {
	u16 xfer_pageset_id;
	u8 sender_owns_set;
	u8 reserved;
	u32 range_cnt;
} __packed;

/**
 * struct hvnet_xfer_page_range - one range of the receive buffer
 * @byte_count: its length
 * @byte_offset: its offset in the receive buffer
 */
struct hvnet_xfer_page_range {
	u32 byte_count;
	u32 byte_offset;
} __packed;

static_assert(sizeof(struct hvnet_xfer_page_header) == 8);
static_assert(sizeof(struct hvnet_xfer_page_range) == 8);

/*
 * A GPA_DIRECT packet's range area: a reserved u32, a u32 range count, then
 * per range {u32 len, u32 offset, u64 pfn[HVNET_PFN_UP(offset + len)]},
 * packed back to back. Frames are 4 KiB whatever the kernel's page size.
 */
#define HVNET_GPA_PAGE_SIZE		4096
#define HVNET_GPA_MAX_PFNS		32

struct hvnet_gpa_range_hdr {
	u32 len;
	u32 offset;
} __packed;

static_assert(sizeof(struct hvnet_gpa_range_hdr) == 8);

#endif /* _HVNET_NVSP_H */
