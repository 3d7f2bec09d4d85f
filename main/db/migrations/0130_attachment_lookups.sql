-- attachments.read checks, for every chunk, whether the attachment hangs on an order the reader may
-- see: look orders up by attachment instead of scanning every order's list.
CREATE INDEX order_attachments_attachment ON order_attachments (attachment_id, order_id);
