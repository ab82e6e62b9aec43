/* SPDX-License-Identifier: BSD-2-Clause */
#include "jsonl.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clog.h"

struct jsonl_writer {
	pthread_mutex_t lock;
	char *path;
	int fd;
	unsigned long long errors;
};

static int
jsonl_open_fd(const char *path)
{
	struct stat sb;
	int fd;

	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0640);
	if (fd < 0) {
		return -errno;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return -EINVAL;
	}
	return fd;
}

int
jsonl_open(const char *path, struct jsonl_writer **out)
{
	struct jsonl_writer *w;
	int fd;

	*out = NULL;
	fd = jsonl_open_fd(path);
	if (fd < 0) {
		return fd;
	}
	w = calloc(1, sizeof(*w));
	if (w == NULL) {
		close(fd);
		return -ENOMEM;
	}
	w->path = strdup(path);
	if (w->path == NULL) {
		close(fd);
		free(w);
		return -ENOMEM;
	}
	w->fd = fd;
	pthread_mutex_init(&w->lock, NULL);
	*out = w;
	return 0;
}

int
jsonl_write(struct jsonl_writer *w, json_t *obj)
{
	char *text;
	size_t len;
	ssize_t n;
	int rc = 0;

	text = json_dumps(obj, JSON_COMPACT);
	if (text == NULL) {
		rc = -ENOMEM;
		goto out;
	}
	len = strlen(text);
	text[len] = '\n';   /* replaces the NUL; len + 1 bytes are written */
	pthread_mutex_lock(&w->lock);
	n = write(w->fd, text, len + 1);
	if (n < 0) {
		rc = -errno;
	} else if ((size_t)n != len + 1) {
		rc = -EIO;
	}
	pthread_mutex_unlock(&w->lock);
out:
	free(text);
	if (rc != 0) {
		pthread_mutex_lock(&w->lock);
		w->errors++;
		if (w->errors == 1 || w->errors % 1000 == 0) {
			clog_write(CLOG_WARN, "jsonl: %s: %s (%llu lines lost)", w->path,
			    strerror(-rc), w->errors);
		}
		pthread_mutex_unlock(&w->lock);
	}
	return rc;
}

int
jsonl_reopen(struct jsonl_writer *w)
{
	int fd = jsonl_open_fd(w->path);

	if (fd < 0) {
		return fd;
	}
	pthread_mutex_lock(&w->lock);
	close(w->fd);
	w->fd = fd;
	pthread_mutex_unlock(&w->lock);
	return 0;
}

unsigned long long
jsonl_get_errors(struct jsonl_writer *w)
{
	unsigned long long n;

	pthread_mutex_lock(&w->lock);
	n = w->errors;
	pthread_mutex_unlock(&w->lock);
	return n;
}

void
jsonl_close(struct jsonl_writer *w)
{
	if (w == NULL) {
		return;
	}
	close(w->fd);
	pthread_mutex_destroy(&w->lock);
	free(w->path);
	free(w);
}
