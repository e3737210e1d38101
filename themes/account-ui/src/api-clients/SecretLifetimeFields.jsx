import {
  FormGroup,
  FormSelect,
  FormSelectOption,
  TextInput,
} from "@patternfly/react-core";
import { Help } from "./Help";

const HOUR = 3600;
const DAY = 24 * HOUR;
const CUSTOM = "custom";

// Option values are seconds as the API takes them; "" sends nothing, so the server's default holds.
const LIFETIMES = [
  { value: "", label: "Realm default" },
  { value: String(30 * DAY), label: "30 days" },
  { value: String(90 * DAY), label: "90 days" },
  { value: String(365 * DAY), label: "1 year" },
  { value: CUSTOM, label: "Custom number of days" },
];

const OVERLAPS = [
  { value: "", label: "None: it stops working at once" },
  { value: String(HOUR), label: "1 hour" },
  { value: String(DAY), label: "1 day" },
  { value: String(7 * DAY), label: "7 days" },
];

/** What a lifetime field holds before the owner touches it: the realm's default. */
export const REALM_DEFAULT_LIFETIME = { choice: "", days: "" };

/**
 * The seconds to send as `secret_expires_in`: undefined leaves the lifetime to the realm, NaN
 * means the custom number of days is not a whole number of at least one.
 */
export function lifetimeSeconds({ choice, days }) {
  if (choice !== CUSTOM) {
    return choice ? Number(choice) : undefined;
  }
  return /^[1-9][0-9]*$/.test(days.trim()) ? Number(days) * DAY : NaN;
}

/** The seconds to send as `previous_secret_expires_in`; undefined lets the old secret die at once. */
export const overlapSeconds = (choice) => (choice ? Number(choice) : undefined);


/** How long a new secret works; `value` is {choice, days}, see lifetimeSeconds. */
export function SecretLifetimeField({ id, value, onChange }) {
  // Only a number typed and wrong is an error: an empty box is merely not done yet.
  const error =
    value.choice === CUSTOM && value.days !== "" && Number.isNaN(lifetimeSeconds(value))
      ? "Enter a whole number of days, at least 1."
      : undefined;
  return (
    <FormGroup label="Secret lifetime" fieldId={id}>
      <FormSelect
        id={id}
        data-testid={id}
        value={value.choice}
        onChange={(_, choice) => onChange({ ...value, choice })}
      >
        {LIFETIMES.map((option) => (
          <FormSelectOption key={option.value} value={option.value} label={option.label} />
        ))}
      </FormSelect>
      {value.choice === CUSTOM && (
        <TextInput
          id={`${id}-days`}
          data-testid={`${id}-days`}
          aria-label="Lifetime in days"
          type="number"
          min={1}
          placeholder="Days"
          value={value.days}
          validated={error ? "error" : "default"}
          onChange={(_, days) => onChange({ ...value, days })}
        />
      )}
      <Help error={error}>
        The secret stops working after this time; rotate it before then. The realm may set a maximum.
      </Help>
    </FormGroup>
  );
}

/** How long the secret being replaced keeps working beside the new one; `value` is an option value. */
export function OverlapField({ id, value, onChange }) {
  return (
    <FormGroup label="Current secret keeps working" fieldId={id}>
      <FormSelect id={id} data-testid={id} value={value} onChange={(_, choice) => onChange(choice)}>
        {OVERLAPS.map((option) => (
          <FormSelectOption key={option.value} value={option.value} label={option.label} />
        ))}
      </FormSelect>
      <Help>Gives your programs time to switch to the new secret. You can end it early on this page.</Help>
    </FormGroup>
  );
}
