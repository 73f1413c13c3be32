// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the host's ring code (netvsp/ring.c) on a ring laid out as the
 * guest lays it out: the arithmetic and wrap-around, the refusals of a
 * corrupt ring, and the signalling rules (interrupt_mask, pending_send_sz).
 *
 * ring.c is built into this module from its source, as into the bus.
 */
#include <kunit/test.h>
#include <linux/slab.h>

#include "ring.c"

#define TEST_DATASIZE	256	/* small: packets wrap after a few writes */

struct ring_fixture {
	struct hvnet_ring_header *hdr;
	u8 *data;
	struct hvnet_ring r;
};

static int ring_test_init(struct kunit *test)
{
	struct ring_fixture *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);

	if (!f)
		return -ENOMEM;
	f->hdr = kunit_kzalloc(test, sizeof(*f->hdr), GFP_KERNEL);
	f->data = kunit_kzalloc(test, TEST_DATASIZE, GFP_KERNEL);
	if (!f->hdr || !f->data)
		return -ENOMEM;
	f->hdr->feature_bits = HVNET_RING_FEAT_PENDING_SEND_SZ;
	if (hvnet_ring_init(&f->r, f->hdr, f->data, TEST_DATASIZE))
		return -EINVAL;
	test->priv = f;
	return 0;
}

static void desc_for(struct hvnet_vmpacket_desc *d, u32 payload, u64 id)
{
	d->type = HVNET_VMPKT_DATA_INBAND;
	d->offset8 = 2;
	d->len8 = ALIGN(16 + payload, 8) / 8;
	d->flags = 0;
	d->trans_id = id;
}

static int put(struct hvnet_ring *r, const void *p, u32 len, u64 id, bool *sig)
{
	struct kvec iov = { .iov_base = (void *)p, .iov_len = len };
	struct hvnet_vmpacket_desc d;

	desc_for(&d, len, id);
	return hvnet_ring_write(r, &d, &iov, 1, sig);
}

/* As the guest writes: descriptor, payload, padding, trailer. */
static void guest_write(struct ring_fixture *f, u16 len8, u16 offset8)
{
	u32 w = f->hdr->write_index;
	struct hvnet_vmpacket_desc d = {
		.type = HVNET_VMPKT_DATA_INBAND, .offset8 = offset8,
		.len8 = len8, .trans_id = 42,
	};
	u64 trailer = (u64)w << 32;

	memcpy(f->data + w, &d, sizeof(d));
	w += (u32)len8 * 8;
	memcpy(f->data + w, &trailer, sizeof(trailer));
	f->hdr->write_index = w + 8;
}

static void ring_round_trip(struct kunit *test)
{
	struct ring_fixture *f = test->priv;
	u8 in[40], out[64];
	u32 len;
	bool sig;
	u64 trailer;

	memset(in, 0xab, sizeof(in));
	KUNIT_ASSERT_EQ(test, put(&f->r, in, 37, 7, &sig), 0);
	/* 16 + 37 padded to 56, then the trailer: the old write index, 0 */
	KUNIT_EXPECT_EQ(test, f->hdr->write_index, 64U);
	memcpy(&trailer, f->data + 56, sizeof(trailer));
	KUNIT_EXPECT_EQ(test, trailer, 0ULL);
	KUNIT_EXPECT_TRUE(test, sig);
	KUNIT_EXPECT_EQ(test, hvnet_ring_bytes_to_read(&f->r), 64U);

	KUNIT_ASSERT_EQ(test, hvnet_ring_read(&f->r, out, sizeof(out), &len), 0);
	KUNIT_EXPECT_EQ(test, len, 56U);
	KUNIT_EXPECT_EQ(test, ((struct hvnet_vmpacket_desc *)out)->trans_id, 7ULL);
	KUNIT_EXPECT_EQ(test, memcmp(out + 16, in, 37), 0);
	KUNIT_EXPECT_EQ(test, hvnet_ring_read(&f->r, out, sizeof(out), &len),
			-EAGAIN);
	/* nothing is published before the commit */
	KUNIT_EXPECT_EQ(test, f->hdr->read_index, 0U);
	hvnet_ring_read_commit(&f->r);
	KUNIT_EXPECT_EQ(test, f->hdr->read_index, 64U);
	KUNIT_EXPECT_EQ(test, hvnet_ring_bytes_to_read(&f->r), 0U);
}

static void ring_wraps(struct kunit *test)
{
	struct ring_fixture *f = test->priv;
	u8 in[92], out[128];
	u32 len, i;
	bool sig;

	/* 92-byte payloads take 16 + 92 + 4 + 8 = 120 bytes of 256: packets
	 * and trailers straddle the end of the data area in turn
	 */
	for (i = 0; i < 20; i++) {
		memset(in, i, sizeof(in));
		KUNIT_ASSERT_EQ(test, put(&f->r, in, sizeof(in), i, &sig), 0);
		KUNIT_ASSERT_EQ(test, hvnet_ring_read(&f->r, out, sizeof(out), &len), 0);
		KUNIT_EXPECT_EQ(test, len, 112U);
		KUNIT_EXPECT_EQ(test, memcmp(out + 16, in, sizeof(in)), 0);
		KUNIT_EXPECT_EQ(test, ((struct hvnet_vmpacket_desc *)out)->trans_id,
				(u64)i);
		hvnet_ring_read_commit(&f->r);
		KUNIT_EXPECT_EQ(test, f->hdr->read_index, ((i + 1) * 120) % 256);
	}
}

static void ring_never_full(struct kunit *test)
{
	struct ring_fixture *f = test->priv;
	u8 in[104] = {};
	bool sig;

	/* 104 bytes take 16 + 104 + 8 = 128: two would fill the ring exactly */
	KUNIT_EXPECT_EQ(test, put(&f->r, in, sizeof(in), 1, &sig), 0);
	KUNIT_EXPECT_EQ(test, put(&f->r, in, sizeof(in), 2, &sig), -EAGAIN);
	KUNIT_EXPECT_EQ(test, f->hdr->pending_send_sz, 128U);
	KUNIT_EXPECT_EQ(test, f->hdr->write_index, 128U);
	KUNIT_EXPECT_EQ(test, put(&f->r, in, 96, 3, &sig), 0);
	/* a write that fits clears the wish */
	KUNIT_EXPECT_EQ(test, f->hdr->pending_send_sz, 0U);
}

static void ring_too_big_skipped(struct kunit *test)
{
	struct ring_fixture *f = test->priv;
	u8 in[64] = {}, out[128];
	u32 len;
	bool sig;

	KUNIT_ASSERT_EQ(test, put(&f->r, in, sizeof(in), 1, &sig), 0);
	KUNIT_ASSERT_EQ(test, put(&f->r, in, 8, 2, &sig), 0);
	KUNIT_EXPECT_EQ(test, hvnet_ring_read(&f->r, out, 32, &len), -EMSGSIZE);
	KUNIT_EXPECT_EQ(test, len, 80U);
	KUNIT_ASSERT_EQ(test, hvnet_ring_read(&f->r, out, sizeof(out), &len), 0);
	KUNIT_EXPECT_EQ(test, ((struct hvnet_vmpacket_desc *)out)->trans_id, 2ULL);
}

static void ring_corrupt_reads(struct kunit *test)
{
	static const struct { u16 len8, offset8; } bad[] = {
		{ 1, 2 },	/* shorter than a descriptor */
		{ 4, 1 },	/* payload inside the descriptor */
		{ 4, 5 },	/* payload after the packet */
		{ 30, 2 },	/* longer than what was written */
	};
	struct ring_fixture *f = test->priv;
	u8 out[512];
	u32 len, i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		memset(f->hdr, 0, sizeof(*f->hdr));
		KUNIT_ASSERT_EQ(test, hvnet_ring_init(&f->r, f->hdr, f->data,
						      TEST_DATASIZE), 0);
		guest_write(f, 4, 2);
		/* the written packet is well formed; its copy is then forged */
		((struct hvnet_vmpacket_desc *)f->data)->len8 = bad[i].len8;
		((struct hvnet_vmpacket_desc *)f->data)->offset8 = bad[i].offset8;
		KUNIT_EXPECT_EQ_MSG(test, hvnet_ring_read(&f->r, out, sizeof(out),
							  &len), -EIO,
				    "len8 %u offset8 %u", bad[i].len8, bad[i].offset8);
		KUNIT_EXPECT_EQ(test, f->r.priv_read, 0U);
	}
	/* write index outside the data area, or not on 8 bytes */
	f->hdr->write_index = TEST_DATASIZE;
	KUNIT_EXPECT_EQ(test, hvnet_ring_read(&f->r, out, sizeof(out), &len), -EIO);
	f->hdr->write_index = 12;
	KUNIT_EXPECT_EQ(test, hvnet_ring_read(&f->r, out, sizeof(out), &len), -EIO);
	/* a packet whose trailer is not written yet */
	memset(f->hdr, 0, sizeof(*f->hdr));
	KUNIT_ASSERT_EQ(test, hvnet_ring_init(&f->r, f->hdr, f->data,
					      TEST_DATASIZE), 0);
	guest_write(f, 4, 2);
	f->hdr->write_index -= 8;
	KUNIT_EXPECT_EQ(test, hvnet_ring_read(&f->r, out, sizeof(out), &len), -EIO);
	/* the guest's own well-formed packet reads */
	f->hdr->write_index += 8;
	KUNIT_EXPECT_EQ(test, hvnet_ring_read(&f->r, out, sizeof(out), &len), 0);
	KUNIT_EXPECT_EQ(test, len, 32U);
}

static void ring_corrupt_writes(struct kunit *test)
{
	struct ring_fixture *f = test->priv;
	u8 in[8] = {};
	bool sig;
	struct hvnet_vmpacket_desc d;
	struct kvec iov = { .iov_base = in, .iov_len = sizeof(in) };

	f->hdr->read_index = TEST_DATASIZE + 8;
	KUNIT_EXPECT_EQ(test, put(&f->r, in, sizeof(in), 1, &sig), -EIO);
	f->hdr->read_index = 4;
	KUNIT_EXPECT_EQ(test, put(&f->r, in, sizeof(in), 1, &sig), -EIO);
	f->hdr->read_index = 0;
	/* a descriptor whose length is not its payload's */
	desc_for(&d, 64, 1);
	KUNIT_EXPECT_EQ(test, hvnet_ring_write(&f->r, &d, &iov, 1, &sig), -EINVAL);
	KUNIT_EXPECT_EQ(test, f->hdr->write_index, 0U);
	/* the host's write index is its own: a forged one is not believed */
	f->hdr->write_index = 200;
	KUNIT_EXPECT_EQ(test, put(&f->r, in, sizeof(in), 1, &sig), 0);
	KUNIT_EXPECT_EQ(test, f->hdr->write_index, 32U);
}

static void ring_signal_on_write(struct kunit *test)
{
	struct ring_fixture *f = test->priv;
	u8 in[8] = {};
	bool sig;

	f->hdr->interrupt_mask = 1;
	KUNIT_EXPECT_EQ(test, put(&f->r, in, sizeof(in), 1, &sig), 0);
	KUNIT_EXPECT_FALSE(test, sig);
	f->hdr->interrupt_mask = 0;
	KUNIT_EXPECT_EQ(test, put(&f->r, in, sizeof(in), 2, &sig), 0);
	KUNIT_EXPECT_TRUE(test, sig);
}

static void ring_reader_mask(struct kunit *test)
{
	struct ring_fixture *f = test->priv;
	u8 out[64];
	u32 len;

	hvnet_ring_read_begin(&f->r);
	KUNIT_EXPECT_EQ(test, f->hdr->interrupt_mask, 1U);
	KUNIT_EXPECT_FALSE(test, hvnet_ring_read_end(&f->r));
	KUNIT_EXPECT_EQ(test, f->hdr->interrupt_mask, 0U);
	hvnet_ring_read_begin(&f->r);
	guest_write(f, 4, 2);	/* written while masked: not signalled */
	KUNIT_EXPECT_TRUE(test, hvnet_ring_read_end(&f->r));
	KUNIT_EXPECT_EQ(test, hvnet_ring_read(&f->r, out, sizeof(out), &len), 0);
	KUNIT_EXPECT_FALSE(test, hvnet_ring_read_end(&f->r));
}

static void ring_pending_send_sz(struct kunit *test)
{
	struct ring_fixture *f = test->priv;
	u8 out[128];
	u32 len;

	/* the guest wrote 3 packets of 32 + 8 bytes and waits for 200 bytes */
	guest_write(f, 4, 2);
	guest_write(f, 4, 2);
	guest_write(f, 4, 2);
	f->hdr->pending_send_sz = 200;
	/* 256 - 120 = 136 free: one read makes 176, still short of 200 */
	KUNIT_ASSERT_EQ(test, hvnet_ring_read(&f->r, out, sizeof(out), &len), 0);
	KUNIT_EXPECT_FALSE(test, hvnet_ring_read_commit(&f->r));
	/* the second makes 216: signal, once */
	KUNIT_ASSERT_EQ(test, hvnet_ring_read(&f->r, out, sizeof(out), &len), 0);
	KUNIT_EXPECT_TRUE(test, hvnet_ring_read_commit(&f->r));
	KUNIT_ASSERT_EQ(test, hvnet_ring_read(&f->r, out, sizeof(out), &len), 0);
	KUNIT_EXPECT_FALSE(test, hvnet_ring_read_commit(&f->r));
	/* a writer that did not set the feature bit is not signalled */
	memset(f->hdr, 0, sizeof(*f->hdr));
	KUNIT_ASSERT_EQ(test, hvnet_ring_init(&f->r, f->hdr, f->data,
					      TEST_DATASIZE), 0);
	guest_write(f, 4, 2);
	guest_write(f, 4, 2);
	guest_write(f, 4, 2);
	f->hdr->pending_send_sz = 200;
	KUNIT_ASSERT_EQ(test, hvnet_ring_read(&f->r, out, sizeof(out), &len), 0);
	KUNIT_ASSERT_EQ(test, hvnet_ring_read(&f->r, out, sizeof(out), &len), 0);
	KUNIT_EXPECT_FALSE(test, hvnet_ring_read_commit(&f->r));
}

static void ring_init_refusals(struct kunit *test)
{
	struct ring_fixture *f = test->priv;
	struct hvnet_ring r;

	KUNIT_EXPECT_EQ(test, hvnet_ring_init(&r, f->hdr, f->data, 60), -EINVAL);
	KUNIT_EXPECT_EQ(test, hvnet_ring_init(&r, f->hdr, f->data, 252), -EINVAL);
	f->hdr->read_index = TEST_DATASIZE;
	KUNIT_EXPECT_EQ(test, hvnet_ring_init(&r, f->hdr, f->data, TEST_DATASIZE),
			-EIO);
}

static struct kunit_case ring_cases[] = {
	KUNIT_CASE(ring_round_trip),
	KUNIT_CASE(ring_wraps),
	KUNIT_CASE(ring_never_full),
	KUNIT_CASE(ring_too_big_skipped),
	KUNIT_CASE(ring_corrupt_reads),
	KUNIT_CASE(ring_corrupt_writes),
	KUNIT_CASE(ring_signal_on_write),
	KUNIT_CASE(ring_reader_mask),
	KUNIT_CASE(ring_pending_send_sz),
	KUNIT_CASE(ring_init_refusals),
	{}
};

static struct kunit_suite ring_suite = {
	.name = "netvsp_ring",
	.init = ring_test_init,
	.test_cases = ring_cases,
};

kunit_test_suite(ring_suite);

MODULE_DESCRIPTION("KUnit: the host's VMBus ring code");
MODULE_LICENSE("GPL");
