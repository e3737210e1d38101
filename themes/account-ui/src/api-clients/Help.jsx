import { FormHelperText, HelperText, HelperTextItem } from "@patternfly/react-core";

/** A field's help line; while `error` holds a sentence, that sentence in its place, as an error. */
export function Help({ error, children }) {
  return (
    <FormHelperText>
      <HelperText>
        <HelperTextItem variant={error ? "error" : "default"}>{error ?? children}</HelperTextItem>
      </HelperText>
    </FormHelperText>
  );
}
