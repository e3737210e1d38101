import { Alert, Button, Modal } from "@patternfly/react-core";
import { useState } from "react";

/**
 * Asks before an action that cannot be undone, and shows why it failed if it did. `canConfirm`
 * false holds the button back while choices in `children` are incomplete.
 */
export function ConfirmModal({ title, confirmLabel, danger, canConfirm = true, onConfirm, onClose, children }) {
  const [error, setError] = useState();
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <Modal
      variant="small"
      titleIconVariant="warning"
      title={title}
      isOpen
      onClose={onClose}
      actions={[
        <Button
          key="confirm"
          variant={danger ? "danger" : "primary"}
          onClick={confirm}
          isLoading={busy}
          isDisabled={busy || !canConfirm}
          data-testid="confirm"
        >
          {confirmLabel}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose}>
          Cancel
        </Button>,
      ]}
    >
      {error && (
        <Alert isInline variant="danger" title={error.headline ?? String(error)} data-testid="confirm-error">
          {error.detail}
        </Alert>
      )}
      {children}
    </Modal>
  );
}
