// SPDX-License-Identifier: GPL-2.0
/*
 * netvsp/ring.c built natively: a randomized self-check against a model of
 * the ring (run under ASan and UBSan), and the cost of moving 1500-byte
 * packets through a ring against memcpy of the same bytes.
 *
 * Usage: ring_bench test [ROUNDS]   self-check, TAP
 *        ring_bench bench [SECONDS] prints the bench: line
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <linux/types.h>
#include <linux/align.h>
#include <linux/errno.h>
#include <linux/uio.h>
#include <hvnet/vmbus_ring.h>

#define DATASIZE	(512 * 1024 - 4096)	/* hv_netvsc's default ring */
#define PKT		1500

static struct hvnet_ring_header hdr __attribute__((aligned(4096)));
static u8 data[DATASIZE] __attribute__((aligned(64)));

static int failed, checks;

static void check(int ok, const char *what, unsigned long n)
{
	checks++;
	if (!ok) {
		failed++;
		printf("not ok %d %s (round %lu)\n", checks, what, n);
	}
}

static u32 used(u32 read, u32 write, u32 size)
{
	return write >= read ? write - read : size - read + write;
}

static u32 rnd(u32 n)
{
	return (u32)random() % n;
}

static void ring_reset(struct hvnet_ring *r, u32 size)
{
	memset(&hdr, 0, sizeof(hdr));
	hdr.feature_bits = HVNET_RING_FEAT_PENDING_SEND_SZ;
	if (hvnet_ring_init(r, &hdr, data, size))
		abort();
}

static void set_desc(struct hvnet_vmpacket_desc *d, u32 payload, u64 id)
{
	d->type = HVNET_VMPKT_DATA_INBAND;
	d->offset8 = 2;
	d->len8 = (16 + payload + 7) / 8;
	d->flags = 0;
	d->trans_id = id;
}

/*
 * The same ring is written as the host writes and read as the host reads:
 * packets of random sizes, read back byte for byte, through many wraps; then
 * random corruption of the header and data, which may give -EIO but must
 * never read or write outside the ring (ASan) or hand out a packet whose
 * descriptor disagrees with its length.
 */
static void self_test(unsigned long rounds)
{
	static u8 in[16384], out[16384];
	struct hvnet_vmpacket_desc d;
	struct hvnet_ring r;
	unsigned long n;
	u32 size, len;
	bool sig;
	int ret;

	for (n = 0; n < rounds; n++) {
		u32 payload, before, w;
		struct kvec iov[2];

		size = 64 + 8 * rnd(1024);
		ring_reset(&r, size);
		for (int k = 0; k < 200; k++) {
			payload = rnd(size);
			for (u32 i = 0; i < payload; i++)
				in[i] = (u8)(n + k + i);
			set_desc(&d, payload, n * 1000 + k);
			iov[0].iov_base = in;
			iov[0].iov_len = payload / 2;
			iov[1].iov_base = in + payload / 2;
			iov[1].iov_len = payload - payload / 2;
			ret = hvnet_ring_write(&r, &d, iov, 2, &sig);
			if (ret == -EAGAIN) {
				check(hdr.pending_send_sz == ALIGN(16u + payload, 8u) + 8u,
				      "a full write asks for its room", n);
				check(24 + payload + 7 >= size - hvnet_ring_bytes_to_read(&r),
				      "-EAGAIN only without room", n);
				/* drain, and the writer is owed a signal */
				while (hvnet_ring_read(&r, out, sizeof(out), &len) == 0)
					;
				hvnet_ring_read_commit(&r);
				continue;
			}
			check(ret == 0, "a packet that fits is written", n);
			check(hvnet_ring_bytes_to_read(&r) < size, "never full", n);
			ret = hvnet_ring_read(&r, out, sizeof(out), &len);
			check(ret == 0 && len == ALIGN(16u + payload, 8u),
			      "the packet reads back", n);
			check(!memcmp(out + 16, in, payload), "its bytes too", n);
			check(((struct hvnet_vmpacket_desc *)out)->trans_id ==
			      n * 1000 + k, "and its id", n);
			hvnet_ring_read_commit(&r);
		}
		/* a packet whose trailer was not written yet is not there */
		ring_reset(&r, size);
		set_desc(&d, 8, 7);
		iov[0].iov_base = in;
		iov[0].iov_len = 8;
		check(!hvnet_ring_write(&r, &d, iov, 1, &sig), "a write", n);
		hdr.write_index -= 8;
		ret = hvnet_ring_read(&r, out, sizeof(out), &len);
		check(ret == -EIO, "a packet without its trailer is corrupt", n);
		/* hostile writes: whatever comes back must be inside the ring */
		for (int k = 0; k < 50; k++) {
			switch (rnd(4)) {
			case 0:
				hdr.write_index = rnd(2 * size);
				break;
			case 1:
				hdr.read_index = rnd(2 * size);
				break;
			case 2:
				data[rnd(size)] = (u8)random();
				break;
			default:
				hdr.pending_send_sz = random();
			}
			before = r.priv_read;
			w = hdr.write_index;
			ret = hvnet_ring_read(&r, out, 64 + rnd(4096), &len);
			if (ret == 0 || ret == -EMSGSIZE)
				check(used(before, r.priv_read, size) <=
				      used(before, w, size),
				      "the host reads no further than written", n);
			check(ret == 0 || ret == -EAGAIN || ret == -EIO ||
			      ret == -EMSGSIZE, "a hostile ring reads as an error", n);
			if (ret == 0) {
				struct hvnet_vmpacket_desc *o = (void *)out;

				check(o->len8 * 8u == len && o->offset8 * 8u <= len &&
				      len < size, "a packet read is what it says", n);
			}
			hvnet_ring_read_commit(&r);
			set_desc(&d, 100, k);
			iov[0].iov_base = in;
			iov[0].iov_len = 100;
			ret = hvnet_ring_write(&r, &d, iov, 1, &sig);
			check(ret == 0 || ret == -EAGAIN || ret == -EIO ||
			      (ret == -EINVAL && size < 100),
			      "a hostile ring writes as an error", n);
			check(r.priv_write < size && r.priv_read < size,
			      "the host's indices stay inside", n);
		}
	}
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* 1500-byte packets written, then read, 64 at a time (a NAPI batch). */
static double ring_gbps(double seconds)
{
	static u8 in[PKT], out[2048];
	struct hvnet_vmpacket_desc d;
	struct kvec iov = { in, PKT };
	struct hvnet_ring r;
	double t0 = now(), t;
	unsigned long bytes = 0;
	u32 len;
	bool sig;

	ring_reset(&r, DATASIZE);
	set_desc(&d, PKT, 1);
	memset(in, 0x5a, sizeof(in));
	do {
		for (int i = 0; i < 1024; i++) {
			int k;

			for (k = 0; k < 64; k++)
				if (hvnet_ring_write(&r, &d, &iov, 1, &sig))
					abort();
			for (k = 0; k < 64; k++)
				if (hvnet_ring_read(&r, out, sizeof(out), &len))
					abort();
			hvnet_ring_read_commit(&r);
			bytes += 64 * PKT;
		}
		t = now() - t0;
	} while (t < seconds);
	return bytes / t / 1e9;
}

/*
 * The same bytes copied once, 1500 at a time, into a buffer the size of the
 * ring's data area (so the two touch as much memory): what one copy costs.
 * The ring copies each packet twice, in and out, and checks it.
 */
static double memcpy_gbps(double seconds)
{
	static u8 src[PKT], dst[DATASIZE];
	double t0 = now(), t;
	unsigned long bytes = 0;
	u32 off = 0;

	memset(src, 0x5a, sizeof(src));
	do {
		for (int i = 0; i < 64 * 1024; i++) {
			if (off + PKT > DATASIZE)
				off = 0;
			memcpy(dst + off, src, PKT);
			/* keep the copy from being elided */
			__asm__ __volatile__("" : : "r"(dst + off) : "memory");
			off += PKT + 24;
			bytes += PKT;
		}
		t = now() - t0;
	} while (t < seconds);
	return bytes / t / 1e9;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "test")) {
		unsigned long rounds = argc > 2 ? strtoul(argv[2], NULL, 0) : 2000;

		srandom(14);
		self_test(rounds);
		printf("%s 1 ring.c against its model, %lu rounds, %d checks\n",
		       failed ? "not ok" : "ok", rounds, checks);
		printf("1..1\n");
		return failed ? 1 : 0;
	}
	if (argc > 1 && !strcmp(argv[1], "bench")) {
		double secs = argc > 2 ? atof(argv[2]) : 0.5;
		double ratio[5], rg = 0, mg = 0;

		/* interleaved, as the VM bench's rounds: A B A B ... */
		for (int i = 0; i < 5; i++) {
			double a = ring_gbps(secs), b = memcpy_gbps(secs);

			ratio[i] = a / b;
			rg += a / 5;
			mg += b / 5;
		}
		qsort(ratio, 5, sizeof(ratio[0]), cmp);
		printf("bench: ring-1500-vs-memcpy ratio=%.2f spread=%.2f-%.2f",
		       ratio[2], ratio[0], ratio[4]);
		printf(" runs=5 clock=native goal=0.5  # %s, ring %.2f GB/s, memcpy %.2f GB/s\n",
		       ratio[2] >= 0.5 ? "goal met" : "goal missed", rg, mg);
		return 0;
	}
	fprintf(stderr, "usage: %s test [ROUNDS] | bench [SECONDS]\n", argv[0]);
	return 2;
}
