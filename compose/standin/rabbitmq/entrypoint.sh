#!/bin/sh
# Entry point of the RabbitMQ stand-in image (compose/standin/rabbitmq/Dockerfile): as root,
# writes the default user of RABBITMQ_DEFAULT_USER/RABBITMQ_DEFAULT_PASS into conf.d (RabbitMQ
# creates it on a fresh data folder only, as the official image does), gives the data volume
# to the rabbitmq user, then runs the server as that user (exec: it gets the stop signal).
set -eu
if [ "${1:-}" = rabbitmq-server ]; then
  if [ -n "${RABBITMQ_DEFAULT_USER:-}" ] && [ -n "${RABBITMQ_DEFAULT_PASS:-}" ]; then
    umask 077
    printf 'default_user = %s\ndefault_pass = %s\n' "$RABBITMQ_DEFAULT_USER" "$RABBITMQ_DEFAULT_PASS" \
      >/etc/rabbitmq/conf.d/05-default-user.conf
    chown rabbitmq:rabbitmq /etc/rabbitmq/conf.d/05-default-user.conf
    umask 022
  fi
  chown -R rabbitmq:rabbitmq /var/lib/rabbitmq
  exec setpriv --reuid rabbitmq --regid rabbitmq --init-groups \
    env HOME=/var/lib/rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server
fi
exec "$@"
