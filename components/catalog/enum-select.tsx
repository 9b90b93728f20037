import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";

/**
 * A filter of a GET filter form that picks one value of an enum (organization type, transfer form,
 * IP status), with the empty "any" choice first. The field's id is `filter-<name>`.
 */
export function EnumSelect<V extends string>(props: {
  name: string;
  label: string;
  any: string;
  value: V | undefined;
  values: readonly V[];
  labelOf: (value: V) => string;
}) {
  return (
    <Field id={`filter-${props.name}`} label={props.label}>
      {(aria) => (
        <Select {...aria} name={props.name} defaultValue={props.value ?? ""}>
          <option value="">{props.any}</option>
          {props.values.map((v) => (
            <option key={v} value={v}>
              {props.labelOf(v)}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
