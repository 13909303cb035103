-- 督办办结: the conclusion a supervisor (or the director) gives an order escalated after two redos (V8's
-- escalation), on which the order closes. The work order's close rule reads it: an escalated reply lets its
-- order close only once it has a conclusion. Only ever inserted (vendor V15_1), one per escalated reply.
CREATE TABLE escalation_conclusion (
    order_number      VARCHAR(20)              NOT NULL,
    reply_seq         INT                      NOT NULL,
    concluded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    concluded_by      VARCHAR(64)              NOT NULL,
    conclusion        VARCHAR(2000)            NOT NULL,
    PRIMARY KEY (order_number, reply_seq),
    FOREIGN KEY (order_number, reply_seq) REFERENCES escalation (order_number, reply_seq)
);
