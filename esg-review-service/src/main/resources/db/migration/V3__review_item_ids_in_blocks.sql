-- Review items take their ids from the sequence in blocks of 50 (ReviewItem's allocationSize), so that
-- opening a review inserts its ~30 items as one JDBC batch rather than one round trip per item.
ALTER SEQUENCE review_item_id_seq INCREMENT BY 50;
