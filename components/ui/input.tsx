import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return (
    <input
      className={cn(
        "h-10 w-full rounded-md border border-border bg-white px-3 text-sm placeholder:text-zinc-500 aria-[invalid=true]:border-danger",
        className,
      )}
      {...props}
    />
  );
}
