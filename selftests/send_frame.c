// SPDX-License-Identifier: GPL-2.0
/*
 * send_frame IFNAME HEX [COUNT [random-src]]: send an Ethernet frame, given
 * as hex digits (spaces and colons ignored), out of IFNAME through a packet
 * socket, once or COUNT times back to back; with random-src each copy gets
 * a source MAC of its own (random, unicast, locally administered). Lets
 * shell selftests craft frames no ordinary tool sends: spoofed sources,
 * DHCP server replies, router advertisements, floods of new addresses.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct sockaddr_ll sll = { .sll_family = AF_PACKET };
	unsigned char frame[2048];
	size_t len = 0;
	const char *p;
	unsigned long long x = 0x9e3779b97f4a7c15ULL ^ (unsigned long long)getpid();
	bool random_src = false;
	long count = 1;
	int fd;

	if (argc < 3 || argc > 5 || (argc == 5 && strcmp(argv[4], "random-src"))) {
		fprintf(stderr, "usage: send_frame IFNAME HEX [COUNT [random-src]]\n");
		return 2;
	}
	random_src = argc == 5;
	if (argc >= 4) {
		count = strtol(argv[3], NULL, 10);
		if (count < 1 || count > 1000000) {
			fprintf(stderr, "send_frame: COUNT is 1-1000000\n");
			return 2;
		}
	}
	for (p = argv[2]; *p; p++) {
		unsigned int byte;

		if (*p == ' ' || *p == ':')
			continue;
		if (!isxdigit((unsigned char)p[0]) || !isxdigit((unsigned char)p[1]) ||
		    len == sizeof(frame) || sscanf(p, "%2x", &byte) != 1) {
			fprintf(stderr, "send_frame: bad hex at \"%.8s\"\n", p);
			return 2;
		}
		frame[len++] = byte;
		p++;
	}
	if (len < 14) {
		fprintf(stderr, "send_frame: a frame needs at least 14 bytes\n");
		return 2;
	}
	sll.sll_ifindex = if_nametoindex(argv[1]);
	sll.sll_halen = 6;
	memcpy(sll.sll_addr, frame, 6);
	fd = socket(AF_PACKET, SOCK_RAW, 0);
	if (!sll.sll_ifindex || fd < 0) {
		perror("send_frame");
		return 1;
	}
	while (count--) {
		if (random_src) {
			/* xorshift64: a new source for every copy */
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			memcpy(frame + 6, &x, 6);
			frame[6] = (frame[6] & 0xfc) | 0x02;
		}
		if (sendto(fd, frame, len, 0, (struct sockaddr *)&sll, sizeof(sll)) !=
		    (ssize_t)len) {
			perror("send_frame: sendto");
			return 1;
		}
	}
	close(fd);
	return 0;
}
