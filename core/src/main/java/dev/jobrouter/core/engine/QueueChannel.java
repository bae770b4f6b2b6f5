package dev.jobrouter.core.engine;

/** The unit of matching: jobs and workers meet per queue and channel. */
record QueueChannel(String queueId, String channelId) {}
