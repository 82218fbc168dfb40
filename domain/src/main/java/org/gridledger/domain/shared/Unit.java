package org.gridledger.domain.shared;

/**
 * Units in which GridLedger counts what it sells and what is used. Usage units follow the grid's accounting
 * conventions: normalised CPU time is counted in HS06 hours.
 */
public enum Unit {
    /** One HEP-SPEC06-normalised CPU hour. */
    HS06_HOUR,
    /** One hour of wall-clock time of one core. */
    WALL_HOUR,
    /** One hour of CPU time. */
    CPU_HOUR,
    /** One gigabyte stored for one month. */
    GB_MONTH,
    /** One hour of one GPU. */
    GPU_HOUR,
    /** One hour of a special device. */
    DEVICE_HOUR,
    /** One hour of a person's work (consulting, training, second-level support). */
    PERSON_HOUR,
    /** One day of a person's work (training courses, workshops). */
    PERSON_DAY,
    /** One support ticket. */
    TICKET,
    /** One certificate issued. */
    CERTIFICATE,
    /** One seat (a named user covered by a subscription). */
    SEAT
}
