package dev.jobrouter.core.model;

/**
 * How a worker takes jobs on one channel.
 *
 * @param channelId the channel, for example {@code "voice"}
 * @param capacityCostPerJob the capacity one job (or open offer) on this channel uses
 * @param maxNumberOfJobs the most jobs and open offers on this channel at once, or {@code null} for no limit
 */
public record ChannelConfiguration(String channelId, int capacityCostPerJob, Integer maxNumberOfJobs) {}
