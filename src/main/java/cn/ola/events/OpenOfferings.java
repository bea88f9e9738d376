package cn.ola.events;

/**
 * Subsequent offerings the CSRC has not concluded yet: how many, how many of them passed a deadline of the
 * CSRC's handling, and how many were filed late by their company.
 */
public record OpenOfferings(long offerings, long overdue, long late) {
}
