// SPDX-License-Identifier: GPL-2.0
/* Per-CPU counters of switches, ports and NICs; written on the data path. */
#include <linux/percpu.h>

#include "vswitch.h"

struct vswitch_stats __percpu *vswitch_stats_alloc(void)
{
	struct vswitch_stats __percpu *stats;
	int cpu;

	stats = alloc_percpu(struct vswitch_stats);
	if (!stats)
		return NULL;
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(stats, cpu)->syncp);
	return stats;
}

void vswitch_stats_sum(struct vswitch_stats __percpu *stats,
		       struct vswitch_stats_sum *sum)
{
	int cpu, i;

	memset(sum, 0, sizeof(*sum));
	for_each_possible_cpu(cpu) {
		const struct vswitch_stats *s = per_cpu_ptr(stats, cpu);
		struct vswitch_stats_sum one;
		unsigned int start;

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			one.rx_packets = u64_stats_read(&s->rx_packets);
			one.rx_bytes = u64_stats_read(&s->rx_bytes);
			one.tx_packets = u64_stats_read(&s->tx_packets);
			one.tx_bytes = u64_stats_read(&s->tx_bytes);
			one.flooded = u64_stats_read(&s->flooded);
			for (i = 0; i < __VSWITCH_DROP_MAX; i++)
				one.drops[i] = u64_stats_read(&s->drops[i]);
		} while (u64_stats_fetch_retry(&s->syncp, start));

		sum->rx_packets += one.rx_packets;
		sum->rx_bytes += one.rx_bytes;
		sum->tx_packets += one.tx_packets;
		sum->tx_bytes += one.tx_bytes;
		sum->flooded += one.flooded;
		for (i = 0; i < __VSWITCH_DROP_MAX; i++)
			sum->drops[i] += one.drops[i];
	}
}

void vswitch_stats_rx(struct vswitch_stats __percpu *stats, unsigned int len)
{
	struct vswitch_stats *s = this_cpu_ptr(stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->rx_packets);
	u64_stats_add(&s->rx_bytes, len);
	u64_stats_update_end(&s->syncp);
}

void vswitch_stats_tx(struct vswitch_stats __percpu *stats, unsigned int len)
{
	struct vswitch_stats *s = this_cpu_ptr(stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->tx_packets);
	u64_stats_add(&s->tx_bytes, len);
	u64_stats_update_end(&s->syncp);
}

void vswitch_stats_flood(struct vswitch_stats __percpu *stats)
{
	struct vswitch_stats *s = this_cpu_ptr(stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->flooded);
	u64_stats_update_end(&s->syncp);
}

void vswitch_stats_drop(struct vswitch_stats __percpu *stats, enum vswitch_drop why)
{
	struct vswitch_stats *s = this_cpu_ptr(stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->drops[why]);
	u64_stats_update_end(&s->syncp);
}
