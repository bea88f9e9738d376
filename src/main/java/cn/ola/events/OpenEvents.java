package cn.ola.events;

/** Listed cases with a material event still open at the CSRC, and how many of them are marked overdue. */
public record OpenEvents(long cases, long overdue) {
}
